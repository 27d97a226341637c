package dev.partyline.shared.game.quiz

import dev.partyline.shared.protocol.PackSummary
import dev.partyline.shared.protocol.WireFormat
import kotlinx.serialization.Serializable

/** A built-in question pack, read from the `packs/` resources. */
@Serializable
data class Pack(val id: String, val title: String, val description: String, val questions: List<Question>) {
    val summary get() = PackSummary(id, title, description, questions.size)
}

/** The built-in packs, in the order the server lists them; the first is the default. */
object Packs {
    private val ids = listOf("networks", "world", "science")

    val all: List<Pack> by lazy {
        ids.map { id ->
            val text = Packs::class.java.getResource("/packs/$id.json")?.readText()
                ?: error("built-in pack '$id' is missing from the resources")
            WireFormat.json.decodeFromString(Pack.serializer(), text).also { pack ->
                pack.questions.forEachIndexed { i, q -> q.validate("pack '$id' question $i") }
            }
        }
    }

    fun byId(id: String): Pack? = all.firstOrNull { it.id == id }
}
