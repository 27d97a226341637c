package dev.partyline.server.http

import io.ktor.server.application.createApplicationPlugin

/**
 * Headers on every HTTP response: a Content-Security-Policy that lets the web client load only
 * its own files and talk only to its own server, so injected text could never run as script.
 */
val SecurityHeaders = createApplicationPlugin("SecurityHeaders") {
    onCall { call ->
        val headers = call.response.headers
        headers.append("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.append("X-Content-Type-Options", "nosniff")
        headers.append("Referrer-Policy", "no-referrer")
    }
}

/**
 * Only the client's own files, no inline script or style, WebSockets to its own server; images
 * from the server (its images API) or `blob:` (a picture shown before it is uploaded), never
 * `data:`; no plugins, frames or foreign forms.
 */
const val CONTENT_SECURITY_POLICY =
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' blob:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
