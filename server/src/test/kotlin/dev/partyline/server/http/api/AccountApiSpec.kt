package dev.partyline.server.http.api

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.reliability.LogCapture
import dev.partyline.server.store.StoreBackend
import dev.partyline.server.store.StoreSecrets
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import kotlinx.serialization.json.jsonPrimitive

/** API.md's accounts over real HTTP, on both databases: sign-up, sessions, tokens, CSRF, the login limit, a restart. */
class AccountApiSpec : FunSpec({
    for (backend in StoreBackend.entries) context("on $backend") {
        val config = backend.config()
        var server: PartylineServer = startTestServer(config)
        afterSpec { server.stop() }
        val port = { server.httpPort }

        test("sign up gives 201 with id and name and a session cookie (HttpOnly, SameSite=Lax, Path=/); me answers who I am; logout ends it") {
            val ada = ApiClient(port())
            val created = ada.post("/api/accounts", """{"name":"ada","password":"${ApiClient.PASSWORD}"}""")
            created.status shouldBe 201
            created.json.keys shouldBe setOf("id", "name")
            created["name"]!!.jsonPrimitive.content shouldBe "ada"
            val cookie = created.header("set-cookie")!!
            cookie shouldContain "partyline_session="
            listOf("HttpOnly", "SameSite=Lax", "Path=/").forEach { cookie shouldContain it }
            cookie shouldNotContain "Secure"
            ada.get("/api/me").json shouldBe created.json
            ada.post("/api/logout").status shouldBe 204
            ada.get("/api/me").errorCode shouldBe "not_signed_in"
        }

        test("a logged-out session stays revoked on the server even if its cookie is replayed") {
            val bo = ApiClient(port())
            bo.signUp("bo_r")
            val stolen = bo.sessionCookie!!
            bo.post("/api/logout").status shouldBe 204
            ApiClient(port(), session = stolen).get("/api/me").status shouldBe 401
        }

        test("names are unique ignoring case (409 name_taken); a bad name or password is 400 naming the field") {
            ApiClient(port()).signUp("Grace")
            val again = ApiClient(port()).post("/api/accounts", """{"name":"grace","password":"${ApiClient.PASSWORD}"}""")
            again.status shouldBe 409
            again.errorCode shouldBe "name_taken"
            val short = ApiClient(port()).post("/api/accounts", """{"name":"g!","password":"${ApiClient.PASSWORD}"}""")
            (short.status to short.json["error"].toString()) shouldBe (400 to """{"code":"bad_request","message":"a name has 3 to 32 letters, digits, '_', '.' or '-'","field":"name"}""")
            val weak = ApiClient(port()).post("/api/accounts", """{"name":"grace2","password":"short"}""")
            weak.status shouldBe 400
            weak.json["error"].toString() shouldContain "\"field\":\"password\""
            ApiClient(port()).post("/api/login", """{"name":"grace2","password":"short"}""").errorCode shouldBe "bad_credentials"
            ApiClient(port()).post("/api/accounts", "not json").errorCode shouldBe "bad_request"
        }

        test("a wrong password and an unknown name get the same 401 bad_credentials; the right one logs in") {
            ApiClient(port()).signUp("hopper")
            val wrong = ApiClient(port()).post("/api/login", """{"name":"hopper","password":"wrong password!"}""")
            val unknown = ApiClient(port()).post("/api/login", """{"name":"nobody_here","password":"wrong password!"}""")
            (wrong.status to wrong.text) shouldBe (unknown.status to unknown.text)
            wrong.status shouldBe 401
            val right = ApiClient(port())
            right.post("/api/login", """{"name":"HOPPER","password":"${ApiClient.PASSWORD}"}""").status shouldBe 200
            right.get("/api/me")["name"]!!.jsonPrimitive.content shouldBe "hopper"
        }

        test("a change from a foreign Origin is 403 bad_origin and changes nothing; without Origin it passes only without a session cookie") {
            val foreign = ApiClient(port()).post("/api/accounts", """{"name":"mallory","password":"${ApiClient.PASSWORD}"}""", origin = "https://evil.example")
            foreign.status shouldBe 403
            foreign.errorCode shouldBe "bad_origin"
            ApiClient(port()).post("/api/login", """{"name":"mallory","password":"${ApiClient.PASSWORD}"}""").errorCode shouldBe "bad_credentials"

            val ivy = ApiClient(port())
            ivy.signUp("ivy")
            ivy.post("/api/tokens", """{"label":"ci"}""", origin = null).errorCode shouldBe "bad_origin"
            ApiClient(port()).post("/api/accounts", """{"name":"script_made","password":"${ApiClient.PASSWORD}"}""", origin = null).status shouldBe 201
        }

        test("a bearer token works without a cookie or Origin until it is revoked; its label is one per account") {
            val jo = ApiClient(port())
            val me = jo.signUp("jo_bot").json
            val token = jo.post("/api/tokens", """{"label":"my bot"}""").also { it.status shouldBe 201 }["token"]!!.jsonPrimitive.content
            jo.post("/api/tokens", """{"label":"my bot"}""").errorCode shouldBe "name_taken"
            val script = ApiClient(port(), bearer = token)
            script.get("/api/me").json shouldBe me
            jo.delete("/api/tokens/my%20bot").status shouldBe 204
            script.get("/api/me").status shouldBe 401
            jo.delete("/api/tokens/my%20bot").errorCode shouldBe "not_found"
        }

        test("the 11th failed login in a row is 429 rate_limited with Retry-After, even with the right password") {
            val limited = startTestServer(backend.config(ServerConfig(limitLoopback = true)))
            ApiClient(limited.httpPort).signUp("kim_l")
            val client = ApiClient(limited.httpPort)
            repeat(10) { client.post("/api/login", """{"name":"kim_l","password":"not the password"}""").status shouldBe 401 }
            val refused = client.post("/api/login", """{"name":"kim_l","password":"${ApiClient.PASSWORD}"}""")
            limited.stop()
            refused.status shouldBe 429
            refused.errorCode shouldBe "rate_limited"
            refused.header("retry-after") shouldBe "90"
        }

        test("no answer ever holds a password, its hash or a token's hash") {
            val lee = ApiClient(port())
            val answers = listOf(lee.signUp("lee_h"), lee.get("/api/me"), lee.post("/api/tokens", """{"label":"x"}"""), lee.post("/api/login", """{"name":"lee_h","password":"${ApiClient.PASSWORD}"}"""))
            answers.forEach { answer ->
                answer.text shouldNotContain ApiClient.PASSWORD
                answer.text shouldNotContain "argon2"
                answer.json.keys.forEach { it shouldNotContain "hash" }
            }
        }

        test("no log line, at any level, holds a password, a session or bearer token, or their hashes") {
            val log = LogCapture.start()
            val secrets = try {
                val nia = ApiClient(port())
                nia.signUp("nia_log")
                nia.post("/api/login", """{"name":"nia_log","password":"not the password at all"}""")
                nia.post("/api/login", """{"name":"nia_log","password":"${ApiClient.PASSWORD}"}""")
                val token = nia.post("/api/tokens", """{"label":"bot"}""").json.str("token")
                ApiClient(port(), bearer = token).get("/api/me").status shouldBe 200
                val session = nia.sessionCookie.shouldNotBeNull()
                nia.post("/api/logout")
                listOf(ApiClient.PASSWORD, "not the password at all", token, StoreSecrets.hash(token), session, StoreSecrets.hash(session))
            } finally {
                log.stop()
            }
            val lines = log.events.map(LogCapture::textOf)
            lines.shouldNotBeEmpty()
            for (secret in secrets) lines.filter { secret in it || "argon2" in it }.shouldBeEmpty()
        }

        test("accounts and sessions outlive a restart on the same data") {
            val mo = ApiClient(port())
            val me = mo.signUp("mo_restart").json
            server.stop()
            server = startTestServer(config)
            ApiClient(port()).post("/api/login", """{"name":"mo_restart","password":"${ApiClient.PASSWORD}"}""").json shouldBe me
            ApiClient(port(), session = mo.sessionCookie).get("/api/me").json shouldBe me
        }
    }
})
