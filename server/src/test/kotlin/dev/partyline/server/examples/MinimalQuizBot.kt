package dev.partyline.server.examples

import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readLineStrict
import io.ktor.utils.io.writeStringUtf8
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.add
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonArray
import kotlin.random.Random

/** Joins quiz room [room] on [host]:[port] as a bot, answers every question at random, and returns the final standings. */
suspend fun playQuiz(host: String, port: Int, room: String, name: String = "kotlin-bot"): List<String> {
    SelectorManager(Dispatchers.IO).use { selector ->
        aSocket(selector).tcp().connect(host, port).use { socket ->
            val input = socket.openReadChannel()
            val output = socket.openWriteChannel(autoFlush = true)
            suspend fun send(message: JsonObject) = output.writeStringUtf8("$message\n")

            send(buildJsonObject { put("type", "hello"); put("name", name); put("protocol", 1); put("bot", true) })
            send(buildJsonObject { put("type", "join"); put("room", room); put("as", "player"); put("id", "join") })
            while (true) {
                val line = input.readLineStrict(limit = 64 * 1024) ?: error("the server closed the connection")
                val message = Json.parseToJsonElement(line).jsonObject
                when (message.text("type")) {
                    "ping" -> send(buildJsonObject { put("type", "pong"); put("t", message["t"] ?: JsonNull) })
                    "error" -> if (message.text("re") == "join") error("join refused: ${message.text("code")}")
                    "question" -> send(answer(message))
                    "game_over" -> return message.getValue("leaderboard").jsonArray.map { it.jsonObject }
                        .map { "${it.text("rank")}. ${it.text("name")} ${it.text("score")}" }
                }
            }
        }
    }
}

/** A guess: the server never sends the answer before the reveal. */
private fun answer(question: JsonObject): JsonObject = buildJsonObject {
    val choices = question["choices"]?.jsonArray?.size ?: 0
    put("type", "answer")
    put("index", question.getValue("index"))
    when (question.text("kind")) {
        "multi" -> putJsonArray("choices") { (0 until choices).shuffled().take(Random.nextInt(1, choices + 1)).forEach { add(it) } }
        "typed" -> put("text", question.text("text")!!.split(" ").random())
        else -> put("choice", Random.nextInt(choices))
    }
}

private fun JsonObject.text(key: String): String? = this[key]?.jsonPrimitive?.content

/** `MinimalQuizBotKt HOST PORT ROOM`: plays one quiz and prints the standings. */
fun main(args: Array<String>) = runBlocking {
    playQuiz(args[0], args[1].toInt(), args[2]).forEach(::println)
}
