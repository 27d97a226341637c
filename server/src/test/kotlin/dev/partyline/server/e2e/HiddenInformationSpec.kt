package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlin.random.Random

/**
 * Records every message every member receives during random games and proves that no answer
 * data (`answer`, `accept`, `correct`, an accepted text, or an `explanation` and its text)
 * leaves the server before its reveal. Each question's explanation holds its secret, so an
 * explanation sent early is caught twice: by its key and by its text.
 */
class HiddenInformationSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    for (seed in listOf(11L, 23L, 42L)) {
        test("no answer reaches any client before its reveal (random game, seed $seed)") {
            val random = Random(seed)
            val secrets = List(5) { "secret${seed}x$it" }
            val questions = secrets.mapIndexed { i, secret -> withMedia(random, randomQuestion(random, i, secret), secret) }
            val host = TestClient.ws(server.httpPort, "host")
            val players = listOf(TestClient.tcp(server.tcpPort, "p1"), TestClient.ws(server.httpPort, "p2"), TestClient.tcp(server.tcpPort, "p3"))
            val spectator = TestClient.tcp(server.tcpPort, "spec")
            val late = TestClient.ws(server.httpPort, "late")
            val everyone = listOf(host, spectator, late) + players
            try {
                everyone.forEach { it.hello(it.label) }
                host.send("""{"type":"create","game":"quiz","options":{"questions":[${questions.joinToString(",")}],"revealSeconds":0}}""")
                val code = host.expect("room").str("code")
                players.forEach { it.send("""{"type":"join","room":"$code"}"""); it.expect("room") }
                spectator.send("""{"type":"join","room":"$code","as":"spectator"}""")
                spectator.expect("room")
                host.send("""{"type":"start"}""")
                for (i in questions.indices) {
                    val question = host.expect("question") { it.int("index") == i }
                    if (i == 2) {
                        late.send("""{"type":"join","room":"$code"}""")
                        late.expect("room")
                    }
                    val answering = if (i >= 2) players + late else players
                    for (p in answering) {
                        // The late joiner sees question 2 in its snapshot, not as an event.
                        if (p !== late || i > 2) p.expect("question") { it.int("index") == i }
                        p.send(randomAnswer(random, question, secrets[i]))
                        p.expect("answer_ack")
                    }
                    host.expect("reveal") { it.int("index") == i }
                }
                host.expect("game_over")
                spectator.expect("game_over")
                for (client in everyone) withClue(client.label) { leaks(client.recorded.toList(), secrets).shouldBeEmpty() }
            } finally {
                everyone.forEach { it.close() }
            }
        }
    }
})

private fun randomQuestion(random: Random, i: Int, secret: String): String = when (random.nextInt(4)) {
    0 -> """{"kind":"single","text":"Q$i","choices":["a","b","c","d"],"answer":[${random.nextInt(4)}]}"""
    1 -> """{"kind":"multi","text":"Q$i","choices":["a","b","c","d"],"answer":[0,${1 + random.nextInt(3)}]}"""
    2 -> """{"kind":"truefalse","text":"Q$i","answer":[${random.nextInt(2)}]}"""
    else -> """{"kind":"typed","text":"Q$i","accept":["$secret"]}"""
}

/** [question] with an explanation that gives its [secret] away, and now and then an image (which is not secret). */
private fun withMedia(random: Random, question: String, secret: String): String {
    val image = if (random.nextBoolean()) ""","image":"HiddenInfoImage_012345"""" else ""
    return question.removeSuffix("}") + ""","explanation":"Because of $secret."$image}"""
}

private fun randomAnswer(random: Random, question: JsonObject, secret: String): String {
    val index = question.int("index")
    return when (question.str("kind")) {
        "single" -> """{"type":"answer","index":$index,"choice":${random.nextInt(4)}}"""
        "truefalse" -> """{"type":"answer","index":$index,"choice":${random.nextInt(2)}}"""
        "multi" -> """{"type":"answer","index":$index,"choices":[${(0..3).filter { random.nextBoolean() }.ifEmpty { listOf(0) }.joinToString(",")}]}"""
        else -> """{"type":"answer","index":$index,"text":"${if (random.nextBoolean()) secret else "nope"}"}"""
    }
}

private val answerKeys = setOf("answer", "accept", "correct", "explanation")

/**
 * Every leak in one client's [recorded] messages: an answer key (or `explanation`) outside a reveal or game over,
 * a snapshot that shows a reveal next to an open question, or a question's secret text before
 * that question's reveal.
 */
private fun leaks(recorded: List<String>, secrets: List<String>): List<String> {
    val found = mutableListOf<String>()
    val revealed = mutableSetOf<Int>()
    for (text in recorded) {
        val message = Json.parseToJsonElement(text).jsonObject
        when (message.type) {
            "reveal" -> revealed += message.int("index")
            "game_over" -> Unit
            "room" -> {
                val open = message["question"]
                if (open != null && open != JsonNull && message["reveal"].let { it != null && it != JsonNull }) found += "reveal beside an open question: $text"
                if (hasAnswerKey(JsonObject(message - "reveal"))) found += text
            }
            else -> if (hasAnswerKey(message)) found += text
        }
        secrets.forEachIndexed { i, secret -> if (i !in revealed && text.contains(secret, ignoreCase = true)) found += "secret $i early: $text" }
    }
    return found
}

private fun hasAnswerKey(element: JsonElement): Boolean = when (element) {
    is JsonObject -> element.keys.any { it in answerKeys } || element.values.any(::hasAnswerKey)
    is JsonArray -> element.any(::hasAnswerKey)
    else -> false
}
