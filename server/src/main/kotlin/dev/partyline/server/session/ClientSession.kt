package dev.partyline.server.session

import dev.partyline.server.base.Clock
import dev.partyline.server.room.Created
import dev.partyline.server.room.Found
import dev.partyline.server.room.Joiner
import dev.partyline.server.room.RoomActor
import dev.partyline.server.room.RoomOrigin
import dev.partyline.server.room.Rooms
import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.Decoded
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Limits
import dev.partyline.shared.protocol.PackList
import dev.partyline.shared.protocol.PackSummary
import dev.partyline.shared.protocol.PlayerNames
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomList
import dev.partyline.shared.protocol.ServerPong
import dev.partyline.shared.protocol.Welcome
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CancellationException
import kotlinx.serialization.json.JsonElement
import org.slf4j.LoggerFactory

/**
 * The protocol as one connection speaks it: `hello` first, then lobby requests, then in-room
 * messages handed to the room's mailbox. Owned by the connection's reader coroutine.
 */
class ClientSession(
    private val connection: Connection,
    private val codec: WireCodec,
    private val rooms: Rooms,
    private val sessions: SessionRegistry,
    private val clock: Clock,
    private val serverName: String,
    private val packs: List<PackSummary>,
    private val hosting: SavedQuizHosting,
    private var credentials: Credentials,
) {
    private var session: PlayerSession? = null
    private var room: RoomActor? = null

    /** Handles one line or frame that arrived at [receivedAt]; one that fails the server is answered `internal_error`, and the connection goes on. */
    suspend fun handle(text: String, receivedAt: Long) {
        when (val decoded = codec.decode(text)) {
            is Decoded.Refused -> refuse(decoded.rejection, decoded.id)
            is Decoded.Message -> try {
                dispatch(decoded.message, decoded.id, receivedAt)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                log.error("connection {}: {} failed", connection.connectionId, decoded.message::class.simpleName, e)
                refuse(ErrorCode.INTERNAL, "the server failed on that message", decoded.id)
            }
        }
    }

    /** The connection has ended: the room and the session registry start the grace period. */
    suspend fun disconnected() {
        val player = session?.player ?: return
        room?.detach(player, connection)
        sessions.dropped(player, connection)
    }

    private suspend fun dispatch(message: ClientMessage, re: JsonElement?, receivedAt: Long) {
        val current = session
        if (current == null) {
            if (message is C.Hello) hello(message, re) else refuse(ErrorCode.NOT_WELCOMED, "say hello first", re)
            return
        }
        when (message) {
            is C.Hello -> refuse(ErrorCode.ALREADY_WELCOMED, "this connection has already said hello", re)
            is C.Ping -> connection.send(ServerPong(message.t, clock.now()), re)
            is C.Pong -> Unit
            is C.ListRooms -> connection.send(RoomList(rooms.listPublic()), re)
            is C.ListPacks -> connection.send(PackList(packs), re)
            is C.Create -> create(current, message, re)
            is C.Join -> join(current, message, re)
            is C.Leave -> leave(current, re)
            else -> {
                val inRoom = room
                if (inRoom == null || !inRoom.submit(current.player, message, re, receivedAt)) {
                    room = null
                    refuse(ErrorCode.NOT_IN_ROOM, "join or create a room first", re)
                }
            }
        }
    }

    private suspend fun hello(hello: C.Hello, re: JsonElement?) {
        if (hello.protocol != null && hello.protocol != Limits.PROTOCOL_VERSION) {
            refuse(ErrorCode.PROTOCOL_VERSION, "this server speaks protocol ${Limits.PROTOCOL_VERSION}", re)
            return
        }
        val token = hello.session
        if (token != null) {
            val resumed = sessions.resume(token, connection)
            if (resumed == null) {
                refuse(ErrorCode.BAD_SESSION, "that session is unknown or has expired; say hello with a name", re)
                return
            }
            welcome(resumed, re, resumed = true)
            room = resumed.room
            if (resumed.room?.reattach(resumed.player, connection) == false) {
                room = null
                sessions.setRoom(resumed.player, null)
            }
            return
        }
        val name = PlayerNames.clean(hello.name) ?: return refuse(ErrorCode.BAD_NAME, PlayerNames.RULE, re)
        val bearer = hello.token
        if (bearer != null) {
            when (hosting.knowsToken(bearer)) {
                false -> return refuse(ErrorCode.BAD_SESSION, "that token is unknown or has been revoked", re)
                null -> return refuse(ErrorCode.INTERNAL, "accounts cannot be checked just now; try again in a moment", re)
                true -> credentials = credentials.copy(bearer = bearer)
            }
        }
        welcome(sessions.open(name, hello.bot, connection), re, resumed = false)
    }

    private fun welcome(opened: PlayerSession, re: JsonElement?, resumed: Boolean) {
        session = opened
        connection.send(Welcome(Limits.PROTOCOL_VERSION, opened.player, opened.token, serverName, clock.now(), opened.name, resumed), re)
    }

    private suspend fun create(current: PlayerSession, message: C.Create, re: JsonElement?) {
        if (room != null) {
            refuse(ErrorCode.ALREADY_IN_ROOM, "leave your room before creating another", re)
            return
        }
        val hosted = when (val outcome = hosting.options(message.game, message.options, credentials)) {
            is SavedQuizHosting.Hosting.Refused -> return refuse(outcome.rejection, re)
            is SavedQuizHosting.Hosting.Options -> outcome
        }
        val origin = RoomOrigin(hosting.creator(credentials), hosted.title)
        when (val created = rooms.create(message.game, hosted.options, joiner(current, re), origin)) {
            is Created.Refused -> refuse(created.rejection, re)
            is Created.Room -> entered(current, created.room)
        }
    }

    private suspend fun join(current: PlayerSession, message: C.Join, re: JsonElement?) {
        val role = when (message.role) {
            "player" -> Role.PLAYER
            "spectator" -> Role.SPECTATOR
            else -> return refuse(ErrorCode.BAD_REQUEST, "'as' is \"player\" or \"spectator\"", re)
        }
        val inRoom = room
        if (inRoom != null && inRoom.code.value != message.room.trim().uppercase()) {
            refuse(ErrorCode.ALREADY_IN_ROOM, "leave room ${inRoom.code} before joining another", re)
            return
        }
        val target = when (val found = rooms.find(message.room, connection.address)) {
            is Found.Room -> found.room
            Found.Nothing -> return refuse(ErrorCode.ROOM_NOT_FOUND, "no room '${message.room.take(12)}'", re)
            Found.Limited -> return refuse(ErrorCode.RATE_LIMITED, "too many joins of rooms that do not exist from your address; wait a minute", re)
        }
        if (target.join(joiner(current, re), role)) entered(current, target)
    }

    private suspend fun leave(current: PlayerSession, re: JsonElement?) {
        val inRoom = room ?: return refuse(ErrorCode.NOT_IN_ROOM, "you are not in a room", re)
        room = null
        sessions.setRoom(current.player, null)
        if (!inRoom.leave(current.player, re)) refuse(ErrorCode.NOT_IN_ROOM, "you are not in a room", re)
    }

    private suspend fun entered(current: PlayerSession, target: RoomActor) {
        room = target
        sessions.setRoom(current.player, target)
    }

    private fun joiner(current: PlayerSession, re: JsonElement?) = Joiner(current.player, current.name, current.bot, connection, re, current.tokenHash)

    private fun refuse(rejection: Rejection, re: JsonElement?) = refuse(rejection.code, rejection.message, re)

    private fun refuse(code: ErrorCode, message: String, re: JsonElement?) {
        connection.sendError(code, message, re)
    }

    private companion object {
        val log = LoggerFactory.getLogger(ClientSession::class.java)
    }
}
