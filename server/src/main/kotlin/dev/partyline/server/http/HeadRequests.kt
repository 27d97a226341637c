package dev.partyline.server.http

import io.ktor.http.ContentType
import io.ktor.http.Headers
import io.ktor.http.HttpMethod
import io.ktor.http.HttpStatusCode
import io.ktor.http.content.OutgoingContent
import io.ktor.server.application.createApplicationPlugin
import io.ktor.server.application.hooks.ResponseBodyReadyForSend
import io.ktor.server.plugins.mutableOriginConnectionPoint
import io.ktor.utils.io.cancel

/**
 * `HEAD` for every `GET` route: the request is routed as a `GET` and answered with the same status
 * and headers and no body. Ktor's AutoHeadResponse does just this, but its module is not served
 * here (see shared/TOOLCHAIN.md), so this is that plugin's few lines.
 */
val HeadRequests = createApplicationPlugin("HeadRequests") {
    onCall { call ->
        if (call.request.local.method == HttpMethod.Head) call.mutableOriginConnectionPoint.method = HttpMethod.Get
    }
    on(ResponseBodyReadyForSend) { call, content ->
        if (call.request.local.method != HttpMethod.Head || content is OutgoingContent.NoContent) return@on
        if (content is OutgoingContent.ReadChannelContent) content.readFrom().cancel(null)
        transformBodyTo(HeadResponse(content))
    }
}

/** [original]'s status and headers, without its body. */
private class HeadResponse(private val original: OutgoingContent) : OutgoingContent.NoContent() {
    override val status: HttpStatusCode? get() = original.status
    override val contentType: ContentType? get() = original.contentType
    override val contentLength: Long? get() = original.contentLength
    override val headers: Headers get() = original.headers
}
