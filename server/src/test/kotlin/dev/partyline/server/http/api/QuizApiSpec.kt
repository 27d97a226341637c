package dev.partyline.server.http.api

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.store.StoreBackend
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject

/** API.md's saved quizzes over real HTTP, on both databases: save, list, read, edit with the version check, copy, delete, and nobody else's. */
class QuizApiSpec : FunSpec({
    for (backend in StoreBackend.entries) context("on $backend") {
        val config = backend.config()
        var server: PartylineServer = startTestServer(config)
        afterSpec { server.stop() }
        val port = { server.httpPort }

        test("a quiz of every kind of question is saved, listed, read back whole, and outlives a restart") {
            val ada = ApiClient(port()).also { it.signUp("ada_q") }
            val saved = ada.post("/api/quizzes", SIX_QUESTIONS)
            saved.status shouldBe 201
            saved.json.keys shouldBe setOf("id", "version")
            val id = saved.str("id")
            saved.json.int("version") shouldBe 1

            val list = ada.get("/api/quizzes").json.getValue("quizzes").jsonArray.single().jsonObject
            list.keys shouldBe setOf("id", "title", "questions", "visibility", "version", "updatedAt")
            (list.str("title") to list.int("questions")) shouldBe ("Networks 101" to 6)

            val read = ada.get("/api/quizzes/$id").json
            read.str("owner") shouldBe "ada_q"
            read.getValue("questions") shouldBe Json.parseToJsonElement(SIX_QUESTIONS).jsonObject.getValue("questions")

            server.stop()
            server = startTestServer(config)
            ApiClient(port(), session = ada.sessionCookie).get("/api/quizzes/$id").json shouldBe read
        }

        test("a save names the version it edited: the stale one is 409 version_conflict and changes nothing") {
            val bo = ApiClient(port()).also { it.signUp("bo_q") }
            val id = bo.post("/api/quizzes", SIX_QUESTIONS).str("id")
            val first = bo.put("/api/quizzes/$id", SIX_QUESTIONS.replace("Networks 101", "Networks 102").replaceFirst("{", "{\"version\":1,"))
            first.status shouldBe 200
            first.json.int("version") shouldBe 2
            val stale = bo.put("/api/quizzes/$id", SIX_QUESTIONS.replace("Networks 101", "Stale tab").replaceFirst("{", "{\"version\":1,"))
            stale.status shouldBe 409
            stale.errorCode shouldBe "version_conflict"
            bo.get("/api/quizzes/$id").str("title") shouldBe "Networks 102"
        }

        test("another account gets 404 on every path of a private quiz, as for one that does not exist") {
            val owner = ApiClient(port()).also { it.signUp("cy_owner") }
            val id = owner.post("/api/quizzes", SIX_QUESTIONS).str("id")
            val other = ApiClient(port()).also { it.signUp("di_other") }
            val answers = listOf(
                other.get("/api/quizzes/$id"), other.put("/api/quizzes/$id", SIX_QUESTIONS.replaceFirst("{", "{\"version\":1,")),
                other.delete("/api/quizzes/$id"), other.post("/api/quizzes/$id/copy"), other.get("/api/quizzes/nonexistent0000000000"),
            )
            answers.forEach { (it.status to it.errorCode) shouldBe (404 to "not_found") }
            answers.map { it.text }.toSet().size shouldBe 1
            owner.get("/api/quizzes/$id").json.int("version") shouldBe 1
            ApiClient(port()).get("/api/quizzes").errorCode shouldBe "not_signed_in"
        }

        test("a public quiz is listed for anyone without its questions, and copied as the copier's private draft") {
            val eve = ApiClient(port()).also { it.signUp("eve_pub") }
            val id = eve.post("/api/quizzes", SIX_QUESTIONS.replace("\"private\"", "\"public\"")).str("id")
            val listed = ApiClient(port()).get("/api/quizzes/public")
            listed.text shouldNotContain "Which port"
            listed.json.getValue("quizzes").jsonArray.map { it.jsonObject }.single { it.str("id") == id }.keys shouldBe setOf("id", "title", "questions", "owner")
            val fay = ApiClient(port()).also { it.signUp("fay_copy") }
            val copy = fay.post("/api/quizzes/$id/copy")
            copy.status shouldBe 201
            val mine = fay.get("/api/quizzes/${copy.str("id")}").json
            (mine.str("title") to mine.str("visibility")) shouldBe ("Networks 101 (copy)" to "private")
        }

        test("a bad document is 400 naming the field, and nothing is saved") {
            val gus = ApiClient(port()).also { it.signUp("gus_bad") }
            val typo = gus.post("/api/quizzes", SIX_QUESTIONS.replace("\"title\"", "\"titel\""))
            typo.status shouldBe 400
            typo.text shouldContain "\"field\":\"titel\""
            val badAnswer = gus.post("/api/quizzes", SIX_QUESTIONS.replace("\"answer\":[1]", "\"answer\":[9]"))
            badAnswer.errorCode shouldBe "bad_request"
            badAnswer.text shouldContain "\"field\":\"questions.1.answer\""
            gus.post("/api/quizzes", SIX_QUESTIONS.replace("\"HTTP listens on 80 by default.\"", "7")).text shouldContain "\"field\":\"questions.1.explanation\""
            gus.post("/api/quizzes", SIX_QUESTIONS.replace("\"image\":\"DnsPortFiftyThree_0123\"", "\"image\":\"../etc/passwd\"")).text shouldContain "\"field\":\"questions.3.image\""
            gus.get("/api/quizzes").json.getValue("quizzes").jsonArray.size shouldBe 0
        }

        test("a deleted quiz is gone") {
            val hal = ApiClient(port()).also { it.signUp("hal_del") }
            val id = hal.post("/api/quizzes", SIX_QUESTIONS).str("id")
            hal.delete("/api/quizzes/$id").status shouldBe 204
            hal.get("/api/quizzes/$id").status shouldBe 404
            hal.delete("/api/quizzes/$id").status shouldBe 404
        }
    }
})

private fun ApiResponse.str(key: String) = json.str(key)

/** Six questions, one of each kind and then some, one with an explanation, one with an image. */
private val SIX_QUESTIONS = """
{"title":"Networks 101","description":"Ports and packets","visibility":"private","questions":[
 {"kind":"single","text":"Which port does plain HTTP use?","choices":["21","80","443"],"answer":[1],"explanation":"HTTP listens on 80 by default."},
 {"kind":"multi","text":"Which are transport protocols?","choices":["TCP","UDP","HTTP","QUIC"],"answer":[0,1,3],"points":2000},
 {"kind":"truefalse","text":"DNS uses port 53.","answer":[0],"image":"DnsPortFiftyThree_0123"},
 {"kind":"typed","text":"Name the protocol behind ping.","accept":["ICMP"],"seconds":30},
 {"kind":"single","text":"Which layer is IP?","choices":["Link","Network","Transport"],"answer":[1],"points":0},
 {"kind":"truefalse","text":"TLS needs TCP.","choices":["Yes","No"],"answer":[1]}
]}
""".trimIndent()
