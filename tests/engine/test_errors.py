"""Engine errors keep their message, field and line across pickling (Dask workers)."""

import pickle

import pytest

from infomap_core import errors


@pytest.mark.parametrize("cls", [errors.MapEqError, errors.NetworkError, errors.InvalidWeightError,
                                 errors.EmptyNetworkError, errors.ParseError, errors.PartitionError,
                                 errors.OptionError])
def test_errors_round_trip_through_pickle(cls):
    error = cls("weights must be finite", field="edges", line=7)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert (copy.message, copy.field, copy.line, str(copy)) == ("weights must be finite", "edges", 7,
                                                                "line 7: weights must be finite")
    assert copy.code == cls.code
