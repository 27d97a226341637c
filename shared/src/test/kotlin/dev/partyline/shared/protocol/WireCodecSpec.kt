package dev.partyline.shared.protocol

import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.game.quiz.AnswerAck
import dev.partyline.shared.game.quiz.AnswerProgress
import dev.partyline.shared.game.quiz.AnswerResult
import dev.partyline.shared.game.quiz.QuestionKind
import dev.partyline.shared.game.quiz.QuestionView
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.game.quiz.Reveal
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject

class WireCodecSpec : FunSpec({
    val codec = WireCodec(listOf(QuizGame))

    fun message(text: String): Decoded.Message = codec.decode(text).shouldBeInstanceOf<Decoded.Message>()

    fun refused(text: String, code: ErrorCode, id: JsonElement? = null): Rejection {
        val decoded = codec.decode(text)
        withClue(text) {
            decoded.shouldBeInstanceOf<Decoded.Refused>().rejection.code shouldBe code
            decoded.id shouldBe id
        }
        return (decoded as Decoded.Refused).rejection
    }

    fun parse(text: String): JsonObject = withClue(text) { Json.parseToJsonElement(text).jsonObject }

    val samples: List<ServerMessage> = listOf(
        Welcome(1, PlayerId("p_ada"), "tok", "partyline/test", 1_763_900_000_000, "ada"),
        ErrorMessage(Rejection(ErrorCode.TOO_LATE, "question 0 is \"closed\"")),
        ChatLine(PlayerId("p_ada"), "ada", "gg \u00e9 \n {}"),
        Paused(null),
        GameOver(listOf(Standing(PlayerId("p_ada"), "ada", 1200, 1)), "ended"),
        QuestionView(0, 10, QuestionKind.SINGLE, "Which?", listOf("a", "b"), 1_763_900_020_000, 20, 1000),
        AnswerAck(3),
        AnswerProgress(0, 2, 5),
        Reveal(0, listOf(1), null, listOf(0, 2), listOf(AnswerResult(PlayerId("p_ada"), true, true, 900, 900, 1)), emptyList(), false),
        RoomList(listOf(RoomSummary(RoomCode("QX7K2M"), "quiz", "lobby", 3, 50))),
    )

    test("a well-formed message decodes to its type, with its id") {
        message("""{"type":"hello","name":"ada","protocol":1,"client":"bot/0.1","id":"h1"}""") shouldBe
            Decoded.Message(CoreClientMessages.Hello("ada", 1, "bot/0.1"), JsonPrimitive("h1"))
        message("""{"type":"answer","index":0,"choices":[0,3],"id":7}""") shouldBe
            Decoded.Message(Answer(0, choices = listOf(0, 3)), JsonPrimitive(7))
        message("""{"type":"rooms"}""") shouldBe Decoded.Message(CoreClientMessages.ListRooms, null)
    }

    test("unknown fields are ignored") {
        message("""{"type":"ping","t":5,"extra":{"a":[1]}}""").message shouldBe CoreClientMessages.Ping(JsonPrimitive(5))
    }

    test("text that is not JSON is bad_json") {
        listOf("{", "", "not json", "{\"type\":\"ping\"} x", "{'type':'ping'}", "{\"type\":\"ping\",}").forEach { refused(it, ErrorCode.BAD_JSON) }
    }

    test("JSON that is not an object is bad_request") {
        listOf("[]", "[{\"type\":\"ping\"}]", "42", "\"ping\"", "null", "true").forEach { refused(it, ErrorCode.BAD_REQUEST) }
    }

    test("a message without a string type is bad_request, keeping its id") {
        refused("""{"id":"a1"}""", ErrorCode.BAD_REQUEST, JsonPrimitive("a1"))
        refused("""{"type":5,"id":"a2"}""", ErrorCode.BAD_REQUEST, JsonPrimitive("a2"))
        refused("""{"type":null,"id":3}""", ErrorCode.BAD_REQUEST, JsonPrimitive(3))
        refused("""{"type":["ping"]}""", ErrorCode.BAD_REQUEST)
    }

    test("an unknown type is unknown_type, keeping its id") {
        refused("""{"type":"teleport","id":"x9"}""", ErrorCode.UNKNOWN_TYPE, JsonPrimitive("x9"))
        refused("""{"type":"flip","card":5,"id":12}""", ErrorCode.UNKNOWN_TYPE, JsonPrimitive(12))
        refused("""{"type":"HELLO"}""", ErrorCode.UNKNOWN_TYPE)
    }

    test("a field of the wrong type is bad_request, keeping the id") {
        val id = JsonPrimitive("r1")
        refused("""{"type":"join","room":5,"id":"r1"}""", ErrorCode.BAD_REQUEST, id)
        refused("""{"type":"join","room":null,"id":"r1"}""", ErrorCode.BAD_REQUEST, id)
        refused("""{"type":"answer","index":0,"choices":"0,3","id":"r1"}""", ErrorCode.BAD_REQUEST, id)
        refused("""{"type":"answer","index":0,"choice":[2],"id":"r1"}""", ErrorCode.BAD_REQUEST, id)
        refused("""{"type":"create","game":"quiz","options":[],"id":"r1"}""", ErrorCode.BAD_REQUEST, id)
        refused("""{"type":"hello","bot":{},"id":"r1"}""", ErrorCode.BAD_REQUEST, id)
    }

    test("a missing required field is bad_request") {
        refused("""{"type":"chat"}""", ErrorCode.BAD_REQUEST)
        refused("""{"type":"answer","choice":1}""", ErrorCode.BAD_REQUEST)
        refused("""{"type":"create"}""", ErrorCode.BAD_REQUEST)
    }

    test("a number too big or not whole for its field is bad_request") {
        listOf("1e999", "1e10", "3000000000", "1.5", "-1e999").forEach {
            refused("""{"type":"answer","index":$it,"id":"n"}""", ErrorCode.BAD_REQUEST, JsonPrimitive("n"))
        }
        refused("""{"type":"hello","protocol":1e999}""", ErrorCode.BAD_REQUEST)
        refused("""{"type":"answer","index":0,"choices":[1e999]}""", ErrorCode.BAD_REQUEST)
    }

    test("bare words that kotlinx reads but JSON has not are bad_json, so they are never echoed") {
        listOf("ping", "NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "True", "undefined").forEach {
            refused("""{"type":"ping","t":$it,"id":"b"}""", ErrorCode.BAD_JSON)
        }
        refused("""{"type":ping}""", ErrorCode.BAD_JSON)
        refused("""{"type":"ping","id":NaN}""", ErrorCode.BAD_JSON)
    }

    test("a number past a double, below its smallest step, or whole and past a Long, is bad_request wherever it is, never wrapped to 0") {
        for (n in listOf("1e999", "-1E400", "18446744073709551616", "-18446744073709551617", "9223372036854775808", "9E-72000", "-1e-400", "1e-18446744073709551615")) {
            refused("""{"type":"ping","t":[$n],"id":"n"}""", ErrorCode.BAD_REQUEST, JsonPrimitive("n"))
            refused("""{"type":"answer","index":$n,"choice":0,"id":"n"}""", ErrorCode.BAD_REQUEST, JsonPrimitive("n"))
            refused("""{"type":"create","game":"memory","options":{"seed":$n},"id":"n"}""", ErrorCode.BAD_REQUEST, JsonPrimitive("n"))
        }
        message("""{"type":"ping","t":[9223372036854775807,-9223372036854775808,1e308,123456789012345678901234567890.5,0e-400,-0.0,4.9e-324]}""")
        message("""{"type":"answer","index":100e-2,"choice":0}""").message shouldBe Answer(1, choice = 0)
    }

    test("a message nests at most 16 levels deep; deeper is bad_json") {
        val fifteen = "[".repeat(15) + "]".repeat(15)
        message("""{"type":"ping","t":$fifteen}""")
        refused("""{"type":"ping","t":[$fifteen]}""", ErrorCode.BAD_JSON)
        refused("[".repeat(4000) + "]".repeat(4000), ErrorCode.BAD_JSON)
    }

    test("whatever a decoded ping holds, its pong encodes to valid JSON") {
        val ts = listOf("0", "-0.0", "1e308", "9223372036854775807", "\"\\ud800\"", "{\"a\":[null,true,\"x\"]}", "[" + "[".repeat(14) + "]".repeat(15))
        for (t in ts) {
            val ping = message("""{"type":"ping","t":$t}""").message as CoreClientMessages.Ping
            val echoed = parse(codec.encode(ServerPong(ping.t, 0)))["t"]
            val number = (ping.t as? JsonPrimitive)?.takeIf { !it.isString }?.content?.toDouble()
            if (number == null) echoed shouldBe ping.t else (echoed as JsonPrimitive).content.toDouble() shouldBe number
        }
    }

    test("chat text is 1 to 280 characters once trimmed, without control or bidirectional characters") {
        message("""{"type":"chat","text":"  gg é 😀  "}""")
        message("""{"type":"chat","text":"${"€".repeat(280)}"}""")
        listOf("", "   ", "x".repeat(281), "a\u0000b", "a\tb", "a\nb", "a\u007fb", "a\u0085b", "gg\u202Eolleh", "a\u2066b").forEach {
            refused("""{"type":"chat","text":"$it","id":"c"}""", ErrorCode.BAD_REQUEST, JsonPrimitive("c"))
        }
    }

    test("a number or boolean sent as a string is bad_request") {
        refused("""{"type":"answer","index":"0","choice":"2"}""", ErrorCode.BAD_REQUEST)
        refused("""{"type":"hello","bot":"true"}""", ErrorCode.BAD_REQUEST)
    }

    test("an id of up to 64 characters, string or number, is kept") {
        message("""{"type":"ping","id":"${"i".repeat(64)}"}""").id shouldBe JsonPrimitive("i".repeat(64))
        message("""{"type":"ping","id":-12.5}""").id.toString() shouldBe "-12.5"
        message("""{"type":"ping","id":""}""").id shouldBe JsonPrimitive("")
    }

    test("an id longer than 64 characters is bad_request") {
        refused("""{"type":"ping","id":"${"i".repeat(65)}"}""", ErrorCode.BAD_REQUEST)
        refused("""{"type":"ping","id":${"9".repeat(65)}}""", ErrorCode.BAD_REQUEST)
    }

    test("an id that is not a string or number is bad_request") {
        listOf("true", "null", "[1]", "{\"a\":1}").forEach { refused("""{"type":"ping","id":$it}""", ErrorCode.BAD_REQUEST) }
    }

    test("a bad id is refused before a bad type is looked at") {
        refused("""{"type":"teleport","id":[1]}""", ErrorCode.BAD_REQUEST)
    }

    test("encoding adds the wire type and nothing else when there is no seq or re") {
        val obj = parse(codec.encode(AnswerAck(3)))
        obj shouldBe JsonObject(mapOf("type" to JsonPrimitive("answer_ack"), "index" to JsonPrimitive(3)))
        samples.forEach { m -> parse(codec.encode(m)).keys.let { it.contains("type") shouldBe true; it.contains("seq") shouldBe false } }
    }

    test("the wire type of each message is its protocol name") {
        samples.map { parse(codec.encode(it))["type"] }.map { (it as JsonPrimitive).content } shouldBe
            listOf("welcome", "error", "chat", "paused", "game_over", "question", "answer_ack", "answers", "reveal", "rooms")
    }

    test("an error carries its wire code") {
        parse(codec.encode(ErrorMessage(Rejection(ErrorCode.ALREADY_ANSWERED, "once"))))["code"] shouldBe JsonPrimitive("already_answered")
    }

    test("nulls are left out") {
        parse(codec.encode(Paused(null))).keys shouldBe setOf("type")
    }

    test("seq and re are spliced into valid JSON that decodes back to the same message") {
        val ids = listOf(JsonPrimitive("q\"1\\x"), JsonPrimitive(42), JsonPrimitive(-1.5), null)
        for (m in samples) for (seq in listOf(null, 0L, 17L, Long.MAX_VALUE)) for (re in ids) {
            val text = codec.encode(m, seq, re)
            val obj = parse(text)
            withClue(text) {
                obj["seq"] shouldBe seq?.let(::JsonPrimitive)
                obj["re"] shouldBe re
                codec.decodeServer(text) shouldBe m
            }
        }
    }

    test("a decoded id echoed as re comes back unchanged") {
        for (text in listOf("""{"type":"ping","id":"a\"b"}""", """{"type":"ping","id":12345678901234567890}""", """{"type":"ping","id":1e999}""")) {
            val id = message(text).id
            parse(codec.encode(ServerPong(null), re = id))["re"].toString() shouldBe id.toString()
        }
    }

    test("a question's image and a reveal's explanation are left out when there are none, and read back when there are") {
        val plain = codec.encode(QuestionView(0, 1, QuestionKind.SINGLE, "Which?", listOf("a", "b"), 1, 20, 1000))
        parse(plain).containsKey("image") shouldBe false
        parse(codec.encode(Reveal(0, listOf(1), null, null, emptyList(), emptyList(), true))).containsKey("explanation") shouldBe false
        val pictured = """{"type":"question","index":0,"count":1,"kind":"single","text":"Which?","choices":["a","b"],"deadline":1,"seconds":20,"points":1000,"image":"/api/images/x","seq":3}"""
        codec.decodeServer(pictured).shouldBeInstanceOf<QuestionView>().image shouldBe "/api/images/x"
        val explained = """{"type":"reveal","index":0,"correct":[1],"results":[],"leaderboard":[],"last":true,"explanation":"Because.","later":{"field":1},"seq":4}"""
        codec.decodeServer(explained).shouldBeInstanceOf<Reveal>().explanation shouldBe "Because."
        val both = listOf(
            QuestionView(1, 2, QuestionKind.TYPED, "Who?", null, 1, 20, 1000, image = "/api/images/AbCdEfGhIjKlMnOpQrSt_-"),
            Reveal(1, emptyList(), listOf("Ada"), null, emptyList(), emptyList(), true, explanation = "She wrote the first program."),
        )
        for (m in both) codec.decodeServer(codec.encode(m, 5)) shouldBe m
    }
})
