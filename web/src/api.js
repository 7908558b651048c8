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

async function send(method, path, body) {
  const form = body instanceof FormData;
  try {
    return await fetch(path, {
      method,
      headers: body === undefined || form ? authHeaders() : { ...authHeaders(), "Content-Type": "application/json" },
      body: body === undefined || form ? body : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, "network_error", `the server did not answer (${err.message})`, null);
  }
}

/**
 * A file the server writes (GET ``path``, or POST ``body`` to it), with the API key: the
 * response's bytes untouched as a Blob, and the file name the server suggests.
 */
export async function download(path, body = undefined) {
  const response = await send(body === undefined ? "GET" : "POST", path, body);
  if (!response.ok) {
    const e = (await response.json().catch(() => null))?.error;
    throw new ApiError(response.status, e?.code ?? "http_error", e?.message ?? `${response.status}`, e?.field ?? null);
  }
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]*)"/.exec(disposition)?.[1] ?? "";
  return { blob: await response.blob(), name };
}

async function call(method, path, body) {
  const response = await send(method, path, body);
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
    const format = (paths["/v1/infomap/file"]?.post?.parameters ?? []).find((p) => p.name === "format");
    const formats = (format?.schema?.anyOf ?? [format?.schema ?? {}]).flatMap((s) => s.enum ?? []);
    return {
      jobs: Boolean(paths["/v1/jobs/infomap/file"]?.post && paths["/v1/jobs/{job_id}"]?.get),
      jobResult: Boolean(paths["/v1/jobs/{job_id}/result"]?.get),
      vectorJobs: Boolean(paths["/v1/jobs"]?.post && paths["/v1/jobs/{job_id}"]?.get),
      vectors: Boolean(paths["/v1/cluster/vectors"]?.post),
      formats,
      version: spec?.info?.version ?? "",
    };
  } catch {
    return { jobs: false, jobResult: false, vectorJobs: false, vectors: false, formats: [], version: "" };
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Submit a job (``body`` to ``path``: a JSON body or a FormData), poll it (calling
 * ``onProgress(job)``) and return {job, result}. A failed or cancelled job raises an ApiError.
 */
export async function runJob(path, body, onProgress, { interval = 250, signal } = {}) {
  let job = await post(path, body);
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
