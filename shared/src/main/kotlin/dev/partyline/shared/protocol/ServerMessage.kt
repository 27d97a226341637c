package dev.partyline.shared.protocol

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.modules.SerializersModule
import kotlinx.serialization.modules.polymorphic
import kotlinx.serialization.modules.subclass

/**
 * A message from the server. The wire `type` is each class's serial name; `seq` (room events)
 * and `re` (direct replies) are added by the codec, so a message is encoded once for a room.
 */
interface ServerMessage

@Serializable @SerialName("welcome")
data class Welcome(
    val protocol: Int,
    val player: PlayerId,
    val session: String,
    val server: String,
    val now: Long,
    val name: String,
    val resumed: Boolean = false,
) : ServerMessage

@Serializable @SerialName("ping")
data class ServerPing(val t: JsonElement? = null) : ServerMessage

/** The answer to a client's `ping`: its [t] echoed, and the server's clock [now] (epoch ms) for clock-offset estimates. */
@Serializable @SerialName("pong")
data class ServerPong(val t: JsonElement? = null, val now: Long? = null) : ServerMessage

/** Sent right before the server closes a connection. */
@Serializable @SerialName("goodbye")
data class Goodbye(val reason: String, val message: String? = null) : ServerMessage {
    companion object {
        const val IDLE = "idle"
        const val TOO_LARGE = "too_large"
        const val RATE_LIMITED = "rate_limited"
        const val KICKED = "kicked"
        const val SHUTDOWN = "shutdown"
        const val REPLACED = "replaced"
        const val SLOW = "slow_consumer"
    }
}

@Serializable @SerialName("error")
data class ErrorMessage(val code: String, val message: String) : ServerMessage {
    constructor(rejection: Rejection) : this(rejection.code.wire, rejection.message)
}

@Serializable
data class RoomSummary(val code: RoomCode, val game: String, val state: String, val players: Int, val max: Int)

@Serializable @SerialName("rooms")
data class RoomList(val rooms: List<RoomSummary>) : ServerMessage

@Serializable
data class PackSummary(val id: String, val title: String, val description: String, val questions: Int)

@Serializable @SerialName("packs")
data class PackList(val packs: List<PackSummary>) : ServerMessage

@Serializable @SerialName("left")
data class Left(val room: RoomCode) : ServerMessage

/**
 * One entry of a room's player list. [serverBot] marks a bot that the server itself runs (added
 * with `add_bot`); it is sent only when true, so entries of people and remote bots are unchanged.
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
data class PlayerView(
    val player: PlayerId,
    val name: String,
    val role: Role,
    val score: Int,
    val connected: Boolean,
    val bot: Boolean = false,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val serverBot: Boolean = false,
)

@OptIn(ExperimentalSerializationApi::class)
@Serializable @SerialName("player_joined")
data class PlayerJoined(
    val player: PlayerId,
    val name: String,
    val role: Role,
    val score: Int,
    val connected: Boolean,
    val bot: Boolean,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val serverBot: Boolean = false,
) : ServerMessage {
    constructor(view: PlayerView) : this(view.player, view.name, view.role, view.score, view.connected, view.bot, view.serverBot)
}

@Serializable @SerialName("player_left")
data class PlayerLeft(val player: PlayerId, val reason: String) : ServerMessage

/** A member's connection dropped or came back; the seat is kept for the grace period. */
@Serializable @SerialName("player_status")
data class PlayerStatus(val player: PlayerId, val connected: Boolean) : ServerMessage

@Serializable @SerialName("host_changed")
data class HostChanged(val host: PlayerId) : ServerMessage

@Serializable @SerialName("chat")
data class ChatLine(val from: PlayerId, val name: String, val text: String) : ServerMessage

/** The host paused the game; [remaining] is the time left on the running clock, in ms. */
@Serializable @SerialName("paused")
data class Paused(val remaining: Long?) : ServerMessage

/** The game goes on; [deadline] is the running clock's new deadline. */
@Serializable @SerialName("resumed")
data class Resumed(val deadline: Long?) : ServerMessage

@Serializable
data class Standing(val player: PlayerId, val name: String, val score: Int, val rank: Int)

/**
 * The game has ended ([reason]: `finished`, `ended` by the host, or `abandoned` by every player);
 * [seed] is the seed the game was dealt from, when the game has one, so the game can be replayed.
 */
@Serializable @SerialName("game_over")
data class GameOver(
    val leaderboard: List<Standing>,
    val reason: String = "finished",
    val seed: Long? = null,
    /** Players ranked in all, when [leaderboard] holds only the top and your own standing. */
    val total: Int? = null,
    /** The game's report, for the player who created the room (the API's Results). */
    val report: String? = null,
) : ServerMessage

/** Polymorphic registrations of the core server messages. */
val coreServerMessages = SerializersModule {
    polymorphic(ServerMessage::class) {
        subclass(Welcome::class)
        subclass(ServerPing::class)
        subclass(ServerPong::class)
        subclass(Goodbye::class)
        subclass(ErrorMessage::class)
        subclass(RoomList::class)
        subclass(PackList::class)
        subclass(Left::class)
        subclass(RoomSnapshot::class)
        subclass(PlayerJoined::class)
        subclass(PlayerLeft::class)
        subclass(PlayerStatus::class)
        subclass(HostChanged::class)
        subclass(Presence::class)
        subclass(ChatLine::class)
        subclass(Paused::class)
        subclass(Resumed::class)
        subclass(GameOver::class)
    }
}
