// Calls to the EcoZone server; failures become Error objects carrying the problem JSON's title and detail.
(function () {
  'use strict';
  const ez = window.ecozone;

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

  ez.getJson = async function (url) {
    const res = await fetch(url, { headers: { Accept: 'application/json, application/geo+json' } });
    if (!res.ok) throw await failure(res);
    return res.json();
  };

  /** POSTs a body (string, Blob or ArrayBuffer); answers JSON, or a Blob when asBlob; headers adds request headers. */
  ez.post = async function (url, body, contentType, asBlob, headers) {
    const res = await fetch(url, { method: 'POST', body: body, headers: Object.assign({ 'Content-Type': contentType, Accept: asBlob ? '*/*' : 'application/json' }, headers) });
    if (!res.ok) throw await failure(res);
    return asBlob ? res.blob() : res.json();
  };

  ez.query = function (params) {
    return Object.keys(params).filter(k => params[k] != null && params[k] !== '')
      .map(k => encodeURIComponent(k) + '=' + encodeURIComponent(params[k])).join('&');
  };
})();
