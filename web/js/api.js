// Calls to the EcoZone server; failures become Error objects carrying the problem JSON's title and detail.

async function failure(res) {
  const err = new Error('HTTP ' + res.status);
  err.status = res.status;
  try {
    const p = await res.json();
    err.title = p.title;
    err.detail = p.detail;
  } catch (e) {
    err.detail = res.statusText;
  }
  return err;
}

/**
 * The one way the page calls the server. options: method (GET), body, type (the body's Content-Type), accept, headers,
 * signal (an AbortSignal), as: 'json' (default), 'blob', 'arrayBuffer' or 'text'. An answer outside 2xx throws an Error
 * carrying its status and the problem JSON's title and detail (in both languages, as the server wrote them); 204
 * answers null. An aborted request throws the browser's AbortError.
 */
export async function request(url, options) {
  const o = options || {};
  const headers = Object.assign({ Accept: o.accept || 'application/json' }, o.type ? { 'Content-Type': o.type } : null, o.headers);
  const res = await fetch(url, { method: o.method || (o.body != null ? 'POST' : 'GET'), body: o.body, headers: headers, signal: o.signal });
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return null;
  const as = o.as || 'json';
  return as === 'blob' ? res.blob() : as === 'arrayBuffer' ? res.arrayBuffer() : as === 'text' ? res.text() : res.json();
}

export function getJson(url, options) {
  return request(url, Object.assign({ accept: 'application/json, application/geo+json' }, options));
}

/** POSTs a body (string, Blob or ArrayBuffer); answers JSON, or a Blob when asBlob; headers adds request headers. */
export function post(url, body, contentType, asBlob, headers) {
  return request(url, { method: 'POST', body: body, type: contentType, accept: asBlob ? '*/*' : 'application/json', as: asBlob ? 'blob' : 'json', headers: headers });
}

export function query(params) {
  return Object.keys(params).filter(k => params[k] != null && params[k] !== '')
    .map(k => encodeURIComponent(k) + '=' + encodeURIComponent(params[k])).join('&');
}
