package dev.partyline.server.http

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.startTestServer
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldBeEmpty
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** The HTTP edges every route shares: `HEAD` answers as `GET` without a body, and every answer carries the security headers. */
class HttpEdgesSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }
    val http = HttpClient.newHttpClient()
    fun send(method: String, path: String, origin: String? = null): HttpResponse<String> = http.send(
        HttpRequest.newBuilder(URI("http://127.0.0.1:${server.httpPort}$path")).method(method, HttpRequest.BodyPublishers.noBody())
            .apply { if (origin != null) header("Origin", origin) }.build(),
        HttpResponse.BodyHandlers.ofString(),
    )

    test("HEAD answers every GET route with GET's status, type and length, and no body") {
        for (path in listOf("/", "/app.js", "/health", "/api/limits", "/api/quizzes/public", "/api/me", "/no-such-page")) {
            val get = send("GET", path)
            val head = send("HEAD", path)
            withClue(path) {
                head.statusCode() shouldBe get.statusCode()
                head.headers().firstValue("content-type") shouldBe get.headers().firstValue("content-type")
                head.body().shouldBeEmpty()
                if (path != "/health") head.headers().firstValue("content-length") shouldBe get.headers().firstValue("content-length")
            }
        }
    }

    test("every answer — a page, JSON, an API error, a refused origin, a missing page — carries the security headers") {
        val answers = listOf(send("GET", "/"), send("GET", "/health"), send("GET", "/api/me"), send("POST", "/api/logout", origin = "https://evil.example"), send("GET", "/nothing-here"))
        answers.map { it.statusCode() } shouldBe listOf(200, 200, 401, 403, 404)
        for (answer in answers) withClue(answer.uri()) {
            answer.headers().firstValue("content-security-policy").orElse("") shouldBe CONTENT_SECURITY_POLICY
            answer.headers().firstValue("x-content-type-options").orElse("") shouldBe "nosniff"
            answer.headers().firstValue("referrer-policy").orElse("") shouldBe "no-referrer"
        }
    }
})
