package dev.partyline.shared.game.quiz

import dev.partyline.shared.protocol.PackSummary
import dev.partyline.shared.protocol.WireFormat
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonArray

/** A built-in question pack, read from the `packs/` resources. */
data class Pack(val id: String, val title: String, val description: String, val questions: List<Question>) {
    val summary get() = PackSummary(id, title, description, questions.size)
}

/** A pack file as written: its questions are read by [QuestionReader], like any others. */
@Serializable
private class PackFile(val id: String, val title: String, val description: String, val questions: JsonArray)

/** The built-in packs, in the order the server lists them; the first is the default. */
object Packs {
    private val ids = listOf("networks", "world", "science")

    val all: List<Pack> by lazy {
        ids.map { id ->
            val text = Packs::class.java.getResource("/packs/$id.json")?.readText()
                ?: error("built-in pack '$id' is missing from the resources")
            val file = WireFormat.json.decodeFromString(PackFile.serializer(), text)
            when (val read = QuestionReader.readAll(file.questions, QuizGame.MAX_QUESTIONS)) {
                is QuestionsRead.Read -> Pack(file.id, file.title, file.description, read.questions)
                is QuestionsRead.Refused -> error("built-in pack '$id': ${read.summary}")
            }
        }
    }

    fun byId(id: String): Pack? = all.firstOrNull { it.id == id }
}
