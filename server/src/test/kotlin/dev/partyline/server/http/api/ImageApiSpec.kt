package dev.partyline.server.http.api

import ch.qos.logback.classic.Level
import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.TestImages.WEBP
import dev.partyline.server.http.api.TestImages.make
import dev.partyline.server.reliability.LogCapture
import dev.partyline.server.store.StoreBackend
import dev.partyline.shared.game.quiz.Question
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContainIgnoringCase
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import java.io.ByteArrayInputStream
import java.net.http.HttpRequest

/**
 * API.md's images over real HTTP, on both databases: the four types stored and served back byte
 * for byte, every file that is not what it says refused, the size limits, who may upload and
 * delete, the quota, and an image outliving a restart.
 */
class ImageApiSpec : FunSpec({
    for (backend in StoreBackend.entries) context("on $backend") {
        val config = backend.config().copy(imageQuotaBytes = QUOTA)
        var server: PartylineServer = startTestServer(config)
        afterSpec { server.stop() }
        val port = { server.httpPort }

        test("a PNG, a JPEG, a GIF and a WebP come back byte for byte with their own type, a year's cache, and outlive a restart") {
            val ada = ApiClient(port()).also { it.signUp("ada_img") }
            val files = listOf(
                Triple("image/png", make("png", 40, 30), 40 to 30), Triple("image/jpeg", make("jpeg", 64, 48), 64 to 48),
                Triple("image/gif", make("gif", 16, 16), 16 to 16), Triple("image/webp", WEBP, 1 to 1),
            )
            val ids = files.map { (type, bytes) ->
                val saved = ada.upload("/api/images", bytes, type)
                withClue(saved.text) { saved.status shouldBe 201 }
                saved.json.keys shouldBe setOf("id")
                saved.json.str("id").also { it.matches(Question.IMAGE_ID) shouldBe true }
            }
            val listed = ada.get("/api/images").json.getValue("images").jsonArray.map { it.jsonObject }
            listed.map { it.keys }.toSet() shouldBe setOf(setOf("id", "type", "width", "height", "bytes", "createdAt"))
            listed.associate { it.str("id") to listOf(it.str("type"), it.int("width"), it.int("height"), it.int("bytes")) } shouldBe
                ids.zip(files).associate { (id, file) -> id to listOf(file.first, file.third.first, file.third.second, file.second.size) }

            server.stop()
            server = startTestServer(config)
            val stranger = ApiClient(port())
            for ((id, file) in ids.zip(files)) {
                val got = stranger.download("/api/images/$id")
                got.status shouldBe 200
                got.bytes.contentEquals(file.second) shouldBe true
                got.header("Content-Type") shouldBe file.first
                got.header("Cache-Control") shouldBe "public, max-age=31536000, immutable"
                got.header("X-Content-Type-Options") shouldBe "nosniff"
                got.header("ETag") shouldBe "\"$id\""
            }
            val head = stranger.download("/api/images/${ids.first()}", method = "HEAD")
            (head.status to head.bytes.size) shouldBe (200 to 0)
            head.header("Content-Type") shouldBe "image/png"
            head.header("Content-Length") shouldBe files.first().second.size.toString()
            val again = stranger.download("/api/images/${ids.first()}", headers = mapOf("If-None-Match" to "\"${ids.first()}\""))
            (again.status to again.bytes.size) shouldBe (304 to 0)
        }

        test("a file that is not the image it says is 400 and nothing is stored; a type not in the list is 415") {
            val bo = ApiClient(port()).also { it.signUp("bo_img") }
            val capture = LogCapture.start()
            val refused = try {
                listOf(
                    bo.upload("/api/images", make("jpeg", 8, 8), "image/png") to "this file is not a PNG image (it looks like a JPEG image)",
                    bo.upload("/api/images", "<svg onload=alert(1)>".toByteArray(), "image/png") to "this file is not a PNG image",
                    bo.upload("/api/images", make("png", 8, 8), "image/webp") to "this file is not a WebP image (it looks like a PNG image)",
                    bo.upload("/api/images", ByteArray(0), "image/gif") to "this file is not a GIF image",
                    bo.upload("/api/images", make("png", 8, 8).copyOf(12), "image/png") to "this PNG image cannot be read",
                    bo.upload("/api/images", make("gif", 8, 8).copyOf(8), "image/gif") to "this GIF image cannot be read",
                )
            } finally {
                capture.stop()
            }
            for ((answer, message) in refused) {
                (answer.status to answer.errorCode) shouldBe (400 to "bad_request")
                answer.json.getValue("error").jsonObject.str("message") shouldBe message
            }
            val logged = capture.events.filter { it.level.isGreaterOrEqual(Level.WARN) }.map(LogCapture::textOf)
            logged shouldBe emptyList()

            for (type in listOf("image/svg+xml", "text/html", "application/octet-stream", null)) {
                val answer = bo.upload("/api/images", make("png", 8, 8), type)
                (answer.status to answer.errorCode) shouldBe (415 to "unsupported_media_type")
                answer.text shouldContain "image/png, image/jpeg, image/webp, image/gif"
            }
            bo.upload("/api/images", make("png", 8, 8), "IMAGE/PNG; charset=binary").status shouldBe 201
            bo.get("/api/images").json.getValue("images").jsonArray.size shouldBe 1
        }

        test("an image over 4096 pixels a side is 400, read from its header without decoding a pixel") {
            val cy = ApiClient(port()).also { it.signUp("cy_img") }
            val wide = cy.upload("/api/images", make("png", 5000, 10), "image/png")
            (wide.status to wide.errorCode) shouldBe (400 to "bad_request")
            wide.text shouldContain "at most 4096 pixels a side; this one is 5000 × 10"
            // 65535² pixels would take 16 GiB to decode: answered at once, from the header.
            cy.upload("/api/images", TestImages.pngHeaderOnly(65535, 65535), "image/png").text shouldContain "this one is 65535 × 65535"
            // A GIF whose one frame is small but whose screen, what a browser makes room for, is not.
            cy.upload("/api/images", TestImages.withGifScreen(make("gif", 4, 4), 5000, 4), "image/gif").text shouldContain "this one is 5000 × 4"
            cy.upload("/api/images", make("png", 4096, 1), "image/png").status shouldBe 201
        }

        test("a body over 2 MiB is 413 too_large, refused by its length or, without one, as soon as it passes 2 MiB") {
            val di = ApiClient(port()).also { it.signUp("di_img") }
            val big = TestImages.pngHeaderOnly(10, 10) + ByteArray(MAX_IMAGE_BYTES)
            val declared = di.upload("/api/images", big, "image/png")
            (declared.status to declared.errorCode) shouldBe (413 to "too_large")
            declared.text shouldContain "the body may hold at most 2 MiB"
            val streamed = di.upload("/api/images", HttpRequest.BodyPublishers.ofInputStream { ByteArrayInputStream(big) }, "image/png")
            (streamed.status to streamed.errorCode) shouldBe (413 to "too_large")
            di.get("/api/images").json.getValue("images").jsonArray.size shouldBe 0
        }

        test("uploading takes an account and a page of this server; a script's bearer token needs no Origin") {
            val png = make("png", 8, 8)
            ApiClient(port()).upload("/api/images", png, "image/png").let { (it.status to it.errorCode) shouldBe (401 to "not_signed_in") }
            ApiClient(port()).get("/api/images").errorCode shouldBe "not_signed_in"
            val eve = ApiClient(port()).also { it.signUp("eve_img") }
            eve.upload("/api/images", png, "image/png", origin = "https://evil.example").let { (it.status to it.errorCode) shouldBe (403 to "bad_origin") }
            eve.upload("/api/images", png, "image/png", origin = null).errorCode shouldBe "bad_origin"
            val token = eve.post("/api/tokens", """{"label":"uploader"}""").json.str("token")
            ApiClient(port(), bearer = token).upload("/api/images", png, "image/png", origin = null).status shouldBe 201
            eve.get("/api/images").json.getValue("images").jsonArray.size shouldBe 1
        }

        test("another account reads an image by its id but gets 404 deleting it, as for one that does not exist; the owner's delete is final") {
            val fay = ApiClient(port()).also { it.signUp("fay_img") }
            val id = fay.upload("/api/images", make("gif", 8, 8), "image/gif").json.str("id")
            val gus = ApiClient(port()).also { it.signUp("gus_img") }
            gus.download("/api/images/$id").status shouldBe 200
            gus.get("/api/images").json.getValue("images").jsonArray.size shouldBe 0
            val answers = listOf(gus.delete("/api/images/$id"), gus.delete("/api/images/AAAAAAAAAAAAAAAAAAAAAA"), gus.get("/api/images/AAAAAAAAAAAAAAAAAAAAAA"), gus.get("/api/images/not-an-id"))
            answers.forEach { (it.status to it.errorCode) shouldBe (404 to "not_found") }
            answers.map { it.text }.toSet().size shouldBe 1
            fay.delete("/api/images/$id").status shouldBe 204
            fay.download("/api/images/$id").status shouldBe 404
            fay.delete("/api/images/$id").status shouldBe 404
        }

        test("an account's images share a quota: past it an upload is 413, and deleting one makes room") {
            val hal = ApiClient(port()).also { it.signUp("hal_img") }
            val noise = make("png", 400, 400, noisy = true)
            (noise.size * 2 <= QUOTA && noise.size * 3 > QUOTA) shouldBe true
            val first = hal.upload("/api/images", noise, "image/png").json.str("id")
            hal.upload("/api/images", noise, "image/png").status shouldBe 201
            val over = hal.upload("/api/images", noise, "image/png")
            (over.status to over.errorCode) shouldBe (413 to "too_large")
            over.text shouldContain "your images may take 1 MiB together"
            ApiClient(port()).also { it.signUp("ivy_img") }.upload("/api/images", noise, "image/png").status shouldBe 201
            hal.delete("/api/images/$first").status shouldBe 204
            hal.upload("/api/images", noise, "image/png").status shouldBe 201
        }

        test("no answer of the images API shows the server's insides") {
            val jo = ApiClient(port()).also { it.signUp("jo_img") }
            val answers = listOf(
                jo.upload("/api/images", ByteArray(300) { it.toByte() }, "image/jpeg"), jo.upload("/api/images", make("png", 8, 8).copyOf(20), "image/png"),
                jo.upload("/api/images", TestImages.pngHeaderOnly(0, 0), "image/png"), jo.upload("/api/images", WEBP.copyOf(20), "image/webp"),
            )
            for (answer in answers) {
                answer.status shouldBe 400
                for (inside in listOf("exception", "javax", "imageio", "twelvemonkeys", "sql", "at dev.")) answer.text shouldNotContainIgnoringCase inside
            }
        }
    }
})

/** A small quota, so the quota spec fills it with a few images; the other specs stay far below it. */
private const val QUOTA = 1024L * 1024
