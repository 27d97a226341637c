package dev.partyline.server.transport.ws

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/** Which pages may open a WebSocket. */
class OriginPolicySpec : FunSpec({
    val own = OriginPolicy(emptyList())

    test("a request without an Origin (a bot) passes") {
        own.permits(null, "play.example.org") shouldBe true
    }

    test("a page of the server's own host and port passes, in any case and with a default port spelled out") {
        own.permits("http://play.example.org:8080", "play.example.org:8080") shouldBe true
        own.permits("https://PLAY.example.org", "play.example.org") shouldBe true
        own.permits("http://play.example.org", "play.example.org:80") shouldBe true
    }

    test("a foreign page, another port of the same host, an opaque or malformed origin is refused") {
        own.permits("https://evil.example", "play.example.org") shouldBe false
        own.permits("http://play.example.org:9999", "play.example.org:8080") shouldBe false
        own.permits("null", "play.example.org") shouldBe false
        own.permits("file:///tmp/page.html", "play.example.org") shouldBe false
        own.permits("http://play.example.org:8080/path", "play.example.org:8080") shouldBe false
        own.permits("http://play.example.org", null) shouldBe false
    }

    test("an allowlisted origin passes, others still do not") {
        val policy = OriginPolicy(listOf("https://quiz.school.example", "http://localhost:3000"))
        policy.permits("https://quiz.school.example", "play.example.org") shouldBe true
        policy.permits("http://localhost:3000", "play.example.org") shouldBe true
        policy.permits("http://localhost:3001", "play.example.org") shouldBe false
    }
})
