package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.base.serveEach
import dev.partyline.server.metrics.RoomCensus
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.store.Journal
import dev.partyline.shared.game.BadOption
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.replay.ReplayHeader
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.RoomSummary
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.serialization.json.JsonObject
import org.slf4j.LoggerFactory

/** The outcome of a `create`: the new room (its creator already inside as host), or why not. */
sealed interface Created {
    data class Room(val room: RoomActor) : Created
    data class Refused(val rejection: Rejection) : Created
}

/**
 * The rooms of this server by code. An actor like a room: one coroutine owns the map and a
 * mailbox is the only way in. It never waits on a room, so rooms may wait on it.
 */
class RoomRegistry(
    private val games: List<Game>,
    private val scope: CoroutineScope,
    private val clock: Clock,
    private val config: ServerConfig,
    private val codec: WireCodec,
    private val secrets: Secrets,
    private val metrics: ServerMetrics,
    private val botDriver: BotDriver,
    /** Where rooms record their games; null records none. */
    private val journal: Journal? = null,
) : Rooms {
    private sealed interface Command {
        /** Where the answer goes, if a caller waits for one: a command that fails is answered with its failure. */
        val reply: CompletableDeferred<*>? get() = null

        data class Create(val game: String, val options: JsonObject, val creator: Joiner, val origin: RoomOrigin, override val reply: CompletableDeferred<Created>) : Command
        data class Find(val code: String, val address: String, override val reply: CompletableDeferred<Found>) : Command
        data class ListPublic(override val reply: CompletableDeferred<List<RoomSummary>>) : Command
        data class Count(override val reply: CompletableDeferred<Int>) : Command
        data class Census(override val reply: CompletableDeferred<RoomCensus>) : Command
        data class Revive(val revival: RoomRevival, override val reply: CompletableDeferred<RoomActor?>) : Command
        data class Closed(val room: RoomActor) : Command
        data class All(override val reply: CompletableDeferred<List<RoomActor>>) : Command
    }

    private val mailbox = Channel<Command>(config.roomMailbox)
    private val rooms = HashMap<RoomCode, RoomActor>()
    private val failedJoins = FailedJoins(config.failedJoinsPerMinute, config.limitLoopback)

    fun start() = scope.launch {
        mailbox.serveEach(log, "room registry", { command, e -> command.reply?.completeExceptionally(e) }, ::handle)
    }

    private fun handle(command: Command) {
        when (command) {
            is Command.Create -> command.reply.complete(create(command))
            is Command.Find -> command.reply.complete(find(command))
            is Command.ListPublic -> command.reply.complete(rooms.values.filter { it.isPublic }.map { it.summary.value })
            is Command.Count -> command.reply.complete(rooms.size)
            is Command.Census -> command.reply.complete(takeCensus())
            is Command.Revive -> command.reply.complete(rebuild(command.revival))
            is Command.Closed -> if (rooms[command.room.code] === command.room) rooms.remove(command.room.code)
            is Command.All -> command.reply.complete(rooms.values.toList())
        }
    }

    override suspend fun create(game: String, options: JsonObject, creator: Joiner, origin: RoomOrigin): Created =
        CompletableDeferred<Created>().also { mailbox.send(Command.Create(game, options, creator, origin, it)) }.await()

    override suspend fun find(code: String, address: String): Found =
        CompletableDeferred<Found>().also { mailbox.send(Command.Find(code, address, it)) }.await()

    private fun find(command: Command.Find): Found {
        val now = clock.now()
        if (!failedJoins.allowed(command.address, now)) return Found.Limited
        val room = command.code.trim().uppercase().takeIf { it.length == 6 }?.let { rooms[RoomCode(it)] }
        if (room == null) failedJoins.failed(command.address, now)
        return room?.let { Found.Room(it) } ?: Found.Nothing
    }

    override suspend fun listPublic(): List<RoomSummary> =
        CompletableDeferred<List<RoomSummary>>().also { mailbox.send(Command.ListPublic(it)) }.await()

    /** Rebuilds a room after a restart from [revival]; null when its code is taken or no game of its kind is here. */
    suspend fun revive(revival: RoomRevival): RoomActor? =
        CompletableDeferred<RoomActor?>().also { mailbox.send(Command.Revive(revival, it)) }.await()

    /** For a server shutting down: hands every recorded running game to the next start, and ends any other with its `game_over`. */
    suspend fun shutdown() {
        val all = CompletableDeferred<List<RoomActor>>().also { mailbox.send(Command.All(it)) }.await()
        coroutineScope { all.forEach { room -> launch { room.shutdown() } } }
    }

    suspend fun count(): Int = CompletableDeferred<Int>().also { mailbox.send(Command.Count(it)) }.await()

    /** Rooms by game and state, and their mailbox depths, for `/metrics`. */
    suspend fun census(): RoomCensus = CompletableDeferred<RoomCensus>().also { mailbox.send(Command.Census(it)) }.await()

    private fun takeCensus(): RoomCensus {
        val queued = rooms.values.map { it.queued }
        val byKind = rooms.values.groupingBy { it.summary.value.let { s -> s.game to s.state } }.eachCount()
        return RoomCensus(byKind, queued.sum(), queued.maxOrNull() ?: 0)
    }

    private fun create(command: Command.Create): Created {
        val game = games.firstOrNull { it.id == command.game }
            ?: return refused(ErrorCode.BAD_REQUEST, "no game '${command.game.take(40)}'; games: ${games.joinToString { it.id }}")
        if (rooms.size >= config.maxRooms) return refused(ErrorCode.TOO_MANY_ROOMS, "the server is at its limit of ${config.maxRooms} rooms")
        val (settings, gameOptions) = try {
            RoomSettings.split(command.options, config)
        } catch (e: BadOption) {
            return Created.Refused(e.rejection())
        }
        val seed = secrets.seed()
        val table = when (val setup = game.setup(gameOptions, seed)) {
            is Setup.Invalid -> return Created.Refused(setup.rejection)
            is Setup.Ready -> setup.table
        }
        var code = secrets.roomCode()
        while (code in rooms) code = secrets.roomCode()
        val recording = journal?.let {
            val origin = command.origin
            val title = origin.title ?: GameTitles.of(game.id, table.options)
            RoomRecording(it, ReplayHeader(game.id, gameOptions, seed, code.value), command.creator.player, origin.account, title)
        }
        val room = RoomActor(code, game.id, table, settings, scope, clock, config, codec, metrics, botDriver, recording) { mailbox.send(Command.Closed(it)) }
        rooms[code] = room
        room.start(command.creator)
        return Created.Room(room)
    }

    private fun rebuild(revival: RoomRevival): RoomActor? {
        val journal = journal ?: return null
        if (revival.code in rooms) return null
        val record = revival.record
        val recording = RoomRecording(journal, revival.header, revival.creator, record.owner, record.title)
        val room = RoomActor(
            revival.code, record.game, revival.table, revival.settings, scope, clock, config, codec, metrics, botDriver, recording,
        ) { mailbox.send(Command.Closed(it)) }
        rooms[revival.code] = room
        room.resume(revival)
        return room
    }

    private fun refused(code: ErrorCode, message: String) = Created.Refused(Rejection(code, message))

    private companion object {
        val log = LoggerFactory.getLogger(RoomRegistry::class.java)
    }
}

/** What a join by code finds. */
sealed interface Found {
    data class Room(val room: RoomActor) : Found
    /** No room has that code. */
    data object Nothing : Found
    /** The joiner's address has failed too often; try again later. */
    data object Limited : Found
}
