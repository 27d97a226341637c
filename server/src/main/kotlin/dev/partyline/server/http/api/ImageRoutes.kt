package dev.partyline.server.http.api

import dev.partyline.server.base.Clock
import dev.partyline.server.store.ImageStore
import dev.partyline.server.store.ImageSummary
import dev.partyline.shared.game.quiz.Question
import io.ktor.http.ContentType
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.ApplicationCall
import io.ktor.server.response.header
import io.ktor.server.response.respond
import io.ktor.server.response.respondBytes
import io.ktor.server.routing.Route
import io.ktor.server.routing.delete
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import kotlinx.serialization.Serializable

/** The largest image the API takes (API.md: 2 MiB). */
const val MAX_IMAGE_BYTES = 2 * MIB

/**
 * API.md's images (paths under `/api`): upload one of mine, list and delete mine, and read any
 * by its id. An upload is checked by [ImageHeader] and kept byte for byte; an account's images
 * may take [quotaBytes] together. An image never changes under its id, so it is served with a
 * year's `Cache-Control` and its id as `ETag`.
 */
fun Route.imageRoutes(images: ImageStore, auth: ApiAuth, clock: Clock, quotaBytes: Long) {
    get("images") {
        val me = auth.require(call)
        call.respondJson(HttpStatusCode.OK, ImageList.serializer(), ImageList(images.list(me.id)))
    }
    post("images") {
        val me = auth.require(call)
        val format = ImageFormat.of(call.request.headers[HttpHeaders.ContentType])
            ?: throw ApiError.unsupportedMediaType("send the image itself as the body, with Content-Type ${ImageFormat.entries.joinToString { it.contentType }}")
        val content = call.receiveBytes(MAX_IMAGE_BYTES)
        val facts = ImageHeader.read(content, format)
        val id = images.create(me.id, facts, content, clock.now(), quotaBytes)
            ?: throw ApiError.tooLarge("your images may take ${quotaBytes / MIB} MiB together; delete some to upload more")
        call.respondJson(HttpStatusCode.Created, NewImage.serializer(), NewImage(id))
    }
    get("images/{id}") {
        val image = call.imageId()?.let { images.find(it) } ?: throw ApiError.notFound("image")
        val etag = "\"${image.id}\""
        call.response.header(HttpHeaders.CacheControl, IMMUTABLE)
        call.response.header(HttpHeaders.ETag, etag)
        val known = call.request.headers[HttpHeaders.IfNoneMatch]?.split(',')?.map { it.trim().removePrefix("W/") }.orEmpty()
        if (etag in known || "*" in known) return@get call.respond(HttpStatusCode.NotModified)
        call.respondBytes(image.content, ContentType.parse(image.facts.type))
    }
    delete("images/{id}") {
        val me = auth.require(call)
        if (call.imageId()?.let { images.delete(me.id, it) } != true) throw ApiError.notFound("image")
        call.respond(HttpStatusCode.NoContent)
    }
}

private const val IMMUTABLE = "public, max-age=31536000, immutable"

/** The path's image id when it has the shape of one; anything else cannot be an image. */
private fun ApplicationCall.imageId(): String? = parameters["id"]?.takeIf { it.matches(Question.IMAGE_ID) }

@Serializable
private data class ImageList(val images: List<ImageSummary>)

@Serializable
private data class NewImage(val id: String)
