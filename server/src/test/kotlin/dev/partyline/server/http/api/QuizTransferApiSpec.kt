package dev.partyline.server.http.api

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.store.StoreBackend
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.dhatim.fastexcel.Workbook
import java.io.ByteArrayOutputStream

/** API.md's quiz import, export and template over real HTTP, on both databases. */
class QuizTransferApiSpec : FunSpec({
    for (backend in StoreBackend.entries) context("on $backend") {
        val server: PartylineServer = startTestServer(backend.config())
        afterSpec { server.stop() }
        val port = server.httpPort

        test("a CSV imports with its header or without, private, titled as asked or 'Imported quiz'") {
            val ada = ApiClient(port).also { it.signUp("ada_imp") }
            val withHeader = ada.upload("/api/quizzes/import?title=Ports", (HEADER + ROWS).toByteArray(), "text/csv; charset=utf-8")
            withHeader.status shouldBe 201
            withHeader.json.keys shouldBe setOf("id", "version")
            val quiz = ada.get("/api/quizzes/${withHeader.str("id")}").json
            (quiz.str("title") to quiz.str("visibility")) shouldBe ("Ports" to "private")
            quiz.getValue("questions").jsonArray.map { it.jsonObject.str("kind") } shouldBe listOf("single", "multi", "truefalse", "typed")
            val bare = ada.upload("/api/quizzes/import", ROWS.toByteArray(), "text/csv")
            bare.status shouldBe 201
            val bareQuiz = ada.get("/api/quizzes/${bare.str("id")}").json
            bareQuiz.str("title") shouldBe "Imported quiz"
            bareQuiz.getValue("questions") shouldBe quiz.getValue("questions")
        }

        test("an XLSX made elsewhere imports, titled by its sheet") {
            val bo = ApiClient(port).also { it.signUp("bo_xlsx") }
            val out = ByteArrayOutputStream()
            Workbook(out, "Test", "1.0").apply {
                val sheet = newWorksheet("Planets")
                listOf("Question", "Answer 1", "Answer 2", "Answer 3", "Answer 4").forEachIndexed { c, h -> sheet.value(0, c, h) }
                sheet.value(0, 7, "Time limit (sec)")
                sheet.value(0, 8, "Correct answer(s)")
                sheet.value(1, 0, "Which is the largest planet?")
                listOf("Mars", "Jupiter", "Venus").forEachIndexed { c, a -> sheet.value(1, c + 1, a) }
                sheet.value(1, 7, 20)
                sheet.value(1, 8, 2)
                sheet.value(2, 0, "Pluto is a planet.")
                sheet.value(2, 1, true)
                sheet.value(2, 2, false)
                sheet.value(2, 8, 2)
                finish()
            }
            val saved = bo.upload("/api/quizzes/import", out.toByteArray(), XLSX)
            saved.status shouldBe 201
            val quiz = bo.get("/api/quizzes/${saved.str("id")}").json
            quiz.str("title") shouldBe "Planets"
            quiz.getValue("questions") shouldBe Json.parseToJsonElement(
                """[{"kind":"single","text":"Which is the largest planet?","choices":["Mars","Jupiter","Venus"],"answer":[1],"seconds":20},
                   {"kind":"truefalse","text":"Pluto is a planet.","answer":[1]}]""",
            )
        }

        test("anyone downloads the template, a real workbook that imports as a valid quiz") {
            val template = ApiClient(port).download("/api/quizzes/template.xlsx")
            template.status shouldBe 200
            template.header("Content-Type") shouldBe XLSX
            template.header("Content-Disposition") shouldBe "attachment; filename=\"partyline-quiz-template.xlsx\""
            val cy = ApiClient(port).also { it.signUp("cy_tpl") }
            val saved = cy.upload("/api/quizzes/import", template.bytes, XLSX)
            saved.status shouldBe 201
            cy.get("/api/quizzes/${saved.str("id")}").json.getValue("questions").jsonArray.size shouldBe 4
        }

        test("a quiz exported as JSON, CSV and XLSX imports back to the same questions; JSON to the same document") {
            val di = ApiClient(port).also { it.signUp("di_round") }
            val id = di.post("/api/quizzes", DOCUMENT).str("id")
            val original = Json.parseToJsonElement(DOCUMENT).jsonObject
            val json = di.download("/api/quizzes/$id/export?format=json")
            json.status shouldBe 200
            json.header("Content-Type") shouldBe "application/json; charset=UTF-8"
            json.header("Content-Disposition") shouldBe "attachment; filename=\"Reseaux ports.json\"; filename*=UTF-8''R%C3%A9seaux%20ports.json"
            Json.parseToJsonElement(json.bytes.decodeToString()) shouldBe original
            for ((format, type) in listOf("json" to "application/json", "csv" to "text/csv", "xlsx" to XLSX)) {
                val file = di.download("/api/quizzes/$id/export?format=$format")
                file.status shouldBe 200
                file.header("Content-Disposition")!! shouldContain ".$format"
                val again = di.upload("/api/quizzes/import?title=R%C3%A9seaux%20%2F%20ports", file.bytes, type)
                again.status shouldBe 201
                val copy = di.get("/api/quizzes/${again.str("id")}").json
                copy.getValue("questions") shouldBe original.getValue("questions")
                if (format == "json") JsonObject(copy - setOf("id", "version", "owner")) shouldBe original
            }
            di.download("/api/quizzes/$id/export?format=csv").bytes.take(3) shouldBe listOf(0xEF, 0xBB, 0xBF).map { it.toByte() }
            di.get("/api/quizzes/$id/export?format=pdf").status shouldBe 400
        }

        test("bad rows are 400 with every line and column, and nothing is saved") {
            val eve = ApiClient(port).also { it.signUp("eve_bad") }
            val bad = eve.upload("/api/quizzes/import", "$HEADER Fine?,a,b,,,,,,1\nBad?,a,b,,,,,20,5\nSlow?,a,b,,,,,500,1\n".toByteArray(), "text/csv")
            bad.status shouldBe 400
            bad.errorCode shouldBe "bad_request"
            val lines = bad.json.getValue("error").jsonObject.getValue("lines").jsonArray.map { it.jsonObject }
            lines.map { it.getValue("line").jsonPrimitive.content + it.str("column") } shouldBe listOf("3I", "4H")
            lines.first().str("message") shouldBe "line 3, column I: the correct answer 5 names an empty answer (column F is empty)"
            eve.get("/api/quizzes").json.getValue("quizzes").jsonArray.size shouldBe 0
        }

        test("someone else's export is 404, no account 401, a foreign page 403, another type 415, too big 413") {
            val owner = ApiClient(port).also { it.signUp("fay_own") }
            val id = owner.post("/api/quizzes", DOCUMENT).str("id")
            val other = ApiClient(port).also { it.signUp("gus_other") }
            listOf("json", "csv", "xlsx").forEach { other.get("/api/quizzes/$id/export?format=$it").errorCode shouldBe "not_found" }
            val nobody = ApiClient(port)
            nobody.get("/api/quizzes/$id/export?format=csv").errorCode shouldBe "not_signed_in"
            nobody.upload("/api/quizzes/import", ROWS.toByteArray(), "text/csv", origin = null).errorCode shouldBe "not_signed_in"
            owner.upload("/api/quizzes/import", ROWS.toByteArray(), "text/csv", origin = "https://elsewhere.example").errorCode shouldBe "bad_origin"
            val pdf = owner.upload("/api/quizzes/import", ROWS.toByteArray(), "application/pdf")
            (pdf.status to pdf.errorCode) shouldBe (415 to "unsupported_media_type")
            owner.upload("/api/quizzes/import", ROWS.toByteArray(), null).status shouldBe 415
            val big = owner.upload("/api/quizzes/import", ByteArray(MAX_JSON_BYTES + 1) { 'a'.code.toByte() }, "text/csv")
            (big.status to big.errorCode) shouldBe (413 to "too_large")
            owner.upload("/api/quizzes/import", ByteArray(QuizImport.MAX_XLSX_BYTES + 1), XLSX).status shouldBe 413
            owner.upload("/api/quizzes/import", "not a workbook".toByteArray(), XLSX).json.getValue("error").jsonObject.str("message") shouldBe "the file is not an .xlsx workbook"
            owner.get("/api/quizzes").json.getValue("quizzes").jsonArray.size shouldBe 1
        }
    }
})

private fun ApiResponse.str(key: String) = json.str(key)

private const val XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
private const val HEADER = "Question,Answer 1,Answer 2,Answer 3,Answer 4,Answer 5,Answer 6,Time limit (sec),Correct answer(s)\n"
private const val ROWS = "Which port is HTTP?,21,80,443,,,,20,2\nWhich are prime?,2,4,7,,,,,\"1,3\"\nThe sky is green.,True,False,,,,,,2\nCapital of Japan?,Tokyo,,,,,,,typed\n"

/** Every kind, the ambiguous ones too (a multi of one right answer, a truefalse of Yes and No), and every optional field. */
private val DOCUMENT = """
{"title":"Réseaux / ports","description":"Ports and packets","visibility":"unlisted","questions":[
 {"kind":"single","text":"Which port does plain HTTP use?","choices":["21","80","443"],"answer":[1],"explanation":"HTTP listens on 80 by default.","image":"abcdefghijklmnopqrstuv"},
 {"kind":"multi","text":"Which are transport protocols?","choices":["TCP","UDP","HTTP","QUIC"],"answer":[3,0,1],"points":2000},
 {"kind":"multi","text":"Which is a layer-3 protocol?","choices":["IP","TCP"],"answer":[0]},
 {"kind":"truefalse","text":"DNS uses port 53.","answer":[0]},
 {"kind":"typed","text":"Name the protocol behind ping.","accept":["ICMP","icmp v4","Internet Control Message Protocol","ICMPv4","ICMPv6","echo","ping"],"seconds":30},
 {"kind":"single","text":"=1+1 is a formula?","choices":["-yes","@no"],"answer":[1],"points":0},
 {"kind":"truefalse","text":"TLS needs TCP.","choices":["Yes","No"],"answer":[1]}
]}
""".trimIndent()
