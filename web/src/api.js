// The page's only server: the API that served it (same origin, no CDN).

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field ?? null;
  }
}

const KEY_STORE = "mapeq-api-key";

/** The API key kept in this browser (empty when the server needs none). */
export function apiKey() {
  try {
    return localStorage.getItem(KEY_STORE) || "";
  } catch {
    return "";
  }
}

export function setApiKey(key) {
  try {
    if (key) localStorage.setItem(KEY_STORE, key);
    else localStorage.removeItem(KEY_STORE);
  } catch {
    // storage disabled: the key lasts until the page is reloaded
  }
}

function authHeaders() {
  const key = apiKey();
  return key ? { "X-API-Key": key } : {};
}

/** GET ``path`` with the API key, as a Blob (downloads of job results). */
export async function download(path) {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) {
    const e = (await response.json().catch(() => null))?.error;
    throw new ApiError(response.status, e?.code ?? "http_error", e?.message ?? `${response.status}`, e?.field ?? null);
  }
  return response.blob();
}

async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? authHeaders() : { ...authHeaders(), "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, "network_error", `the server did not answer (${err.message})`, null);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const e = data?.error;
    throw new ApiError(response.status, e?.code ?? "http_error", e?.message ?? `${response.status} ${text.slice(0, 200)}`,
      e?.field ?? null);
  }
  return data;
}

export const post = (path, body) => call("POST", path, body);
export const get = (path) => call("GET", path);

/** Which optional endpoints this server has, read from its OpenAPI document. */
export async function capabilities() {
  try {
    const spec = await get("/openapi.json");
    const paths = spec?.paths ?? {};
    return {
      jobs: Boolean(paths["/v1/jobs"]?.post && paths["/v1/jobs/{job_id}"]?.get),
      jobResult: Boolean(paths["/v1/jobs/{job_id}/result"]?.get),
      vectors: Boolean(paths["/v1/cluster/vectors"]?.post),
      version: spec?.info?.version ?? "",
    };
  } catch {
    return { jobs: false, jobResult: false, vectors: false, version: "" };
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Submit ``body`` as a job of ``kind``, poll it (calling ``onProgress(job)``) and
 * return {job, result}. A failed or cancelled job raises an ApiError.
 */
export async function runJob(kind, body, onProgress, { interval = 250, signal } = {}) {
  let job = await post("/v1/jobs", { kind, ...body });
  onProgress(job);
  while (!["succeeded", "failed", "cancelled"].includes(job.status)) {
    if (signal?.aborted) {
      await call("DELETE", `/v1/jobs/${job.id}`).catch(() => {});
      throw new ApiError(0, "cancelled", "cancelled", null);
    }
    await sleep(interval);
    job = await get(`/v1/jobs/${job.id}`);
    onProgress(job);
  }
  if (job.status !== "succeeded") {
    throw new ApiError(422, `job_${job.status}`, `job ${job.status}${job.error ? `: ${job.error}` : ""}`, null);
  }
  return { job, result: await get(`/v1/jobs/${job.id}/result`) };
}
