package dev.partyline.shared.protocol

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/**
 * A message from a client. The wire `type` is each class's serial name. Core messages are
 * declared here; each game adds its own moves (see [dev.partyline.shared.game.GameMove]).
 */
interface ClientMessage

/** A client message that can tell from its own fields that it is bad; the codec refuses it with the [problem]. */
interface Checked {
    /** Why this message is refused, or null if it may go on. */
    fun problem(): String?
}

/** The session and lobby messages every room understands, whatever its game. */
object CoreClientMessages {
    @Serializable @SerialName("hello")
    data class Hello(
        val name: String? = null,
        val protocol: Int? = null,
        val client: String? = null,
        val bot: Boolean = false,
        val session: String? = null,
        /** A bearer token of an account (`POST /api/tokens`): lets the connection host that account's saved quizzes. */
        val token: String? = null,
    ) : ClientMessage

    @Serializable @SerialName("ping")
    data class Ping(val t: JsonElement? = null) : ClientMessage

    @Serializable @SerialName("pong")
    data class Pong(val t: JsonElement? = null) : ClientMessage

    @Serializable @SerialName("rooms")
    data object ListRooms : ClientMessage

    @Serializable @SerialName("packs")
    data object ListPacks : ClientMessage

    @Serializable @SerialName("create")
    data class Create(val game: String, val options: JsonObject = JsonObject(emptyMap())) : ClientMessage

    @Serializable @SerialName("join")
    data class Join(val room: String, @SerialName("as") val role: String = "player") : ClientMessage

    @Serializable @SerialName("leave")
    data object Leave : ClientMessage

    @Serializable @SerialName("start")
    data object Start : ClientMessage

    @Serializable @SerialName("kick")
    data class Kick(val player: String) : ClientMessage

    @Serializable @SerialName("pause")
    data object Pause : ClientMessage

    @Serializable @SerialName("resume")
    data object Resume : ClientMessage

    @Serializable @SerialName("skip")
    data object Skip : ClientMessage

    @Serializable @SerialName("end")
    data object End : ClientMessage

    /** A chat line: 1 to [Limits.MAX_CHAT_CHARS] characters once trimmed, none of them control or bidirectional. */
    @Serializable @SerialName("chat")
    data class Chat(val text: String) : ClientMessage, Checked {
        override fun problem(): String? {
            val length = text.trim().length
            return when {
                length == 0 || length > Limits.MAX_CHAT_CHARS -> "chat text must be 1..${Limits.MAX_CHAT_CHARS} characters"
                !PlainText.isClean(text) -> "chat text may not hold control or bidirectional characters"
                else -> null
            }
        }
    }

    /** Host only: seats a bot that the server runs, of [skill] 0..1 (quiz speed, memory recall) and [name], each optional. */
    @Serializable @SerialName("add_bot")
    data class AddBot(val skill: Double? = null, val name: String? = null) : ClientMessage

    /** Host only: removes [player], a bot that the server runs in this room. */
    @Serializable @SerialName("remove_bot")
    data class RemoveBot(val player: String) : ClientMessage

    /** Wire type to deserializer, for the codec. */
    val serializers = serializersOf(
        Hello.serializer(), Ping.serializer(), Pong.serializer(), ListRooms.serializer(),
        ListPacks.serializer(), Create.serializer(), Join.serializer(), Leave.serializer(),
        Start.serializer(), Kick.serializer(), Pause.serializer(), Resume.serializer(),
        Skip.serializer(), End.serializer(), Chat.serializer(), AddBot.serializer(), RemoveBot.serializer(),
    )
}

/** Indexes serializers by their serial name, which is the wire `type`. */
fun <T : ClientMessage> serializersOf(vararg serializers: kotlinx.serialization.KSerializer<out T>) =
    serializers.associateBy { it.descriptor.serialName }
