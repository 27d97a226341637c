package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.server.base.Outbox
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.RoomSummary
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ClosedSendChannelException
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.serialization.json.JsonElement
import org.slf4j.LoggerFactory
import java.util.concurrent.atomic.AtomicInteger

/**
 * One room: a coroutine that owns all of the room's state, fed by a bounded mailbox of
 * [RoomCommand]s. Nothing else reads or writes that state. It never suspends on a client:
 * messages go to members' [Outbox]es, which drop a client rather than wait for it.
 *
 * The state lives in parts that only this loop calls: [RoomMembers] (who is in, the host, the
 * numbered messages), [RoomSeating] (comings and goings), [RoomGame] (the game and its timer),
 * [RoomPresence] (who hears of comings and goings, and how), [RoomBots] (the server's bots) and
 * [MemberMessages] (what members send).
 */
class RoomActor(
    val code: RoomCode,
    val gameId: String,
    table: GameTable,
    private val settings: RoomSettings,
    private val scope: CoroutineScope,
    private val clock: Clock,
    config: ServerConfig,
    private val codec: WireCodec,
    private val metrics: ServerMetrics,
    /** Plays the bots a host adds with `add_bot`; without one, this room refuses them. */
    botDriver: BotDriver? = null,
    /** How the game is recorded; null keeps no record. */
    recording: RoomRecording? = null,
    private val onClosed: suspend (RoomActor) -> Unit,
) {
    // region docs:mailbox
    private val mailbox = Channel<RoomCommand>(config.roomMailbox)
    private val waiting = AtomicInteger()
    private val timers = RoomTimers { command, wait ->
        scope.launch {
            delay(wait())
            post(command)
        }
    }
    // endregion
    private val members = RoomMembers(code, table, codec)
    private val journal = recording?.let { RoomJournal(it, codec, settings, members::seq) }
    private val game = RoomGame(table, clock, members, timers, ::publish, metrics::timerRan, journal)
    private val snapshots = RoomSnapshots(code, gameId, table, settings, codec)
    private val presence = RoomPresence(members, snapshots, timers)
    private val seating = RoomSeating(code, table, settings, config, codec, snapshots, members, presence, game, timers, ::publish, journal)
    private val bots = RoomBots(this, settings, config, codec, clock, scope, botDriver, members, seating, game, ::publish)
    private val messages = MemberMessages(code, members, seating, game, bots, presence)

    private val _summary = MutableStateFlow(RoomSummary(code, gameId, game.phase.wire, 0, settings.maxPlayers))

    /** What the lobby lists about this room; published by the actor, read by anyone. */
    val summary: StateFlow<RoomSummary> get() = _summary
    val isPublic: Boolean get() = settings.public

    /** Commands posted and not yet taken by the loop (a metric, read by anyone). */
    val queued: Int get() = waiting.get()

    /** Set by a shutdown that hands the room (in its lobby or playing) to the next start: the loop ends, and the room closes without ending its game. */
    private var handover: RoomCommand.Shutdown? = null

    // region docs:room-loop
    /** Starts the room's loop with [creator] as its host. */
    fun start(creator: Joiner): Job = run {
        journal?.open(clock.now())
        seating.admit(creator, Role.HOST)
    }

    private fun run(first: () -> Unit): Job = scope.launch {
        first()
        try {
            for (command in mailbox) {
                waiting.decrementAndGet()
                try {
                    handle(command)
                } catch (e: CancellationException) {
                    throw e
                } catch (e: Exception) {
                    log.error("room {}: {} failed", code, command::class.simpleName, e)
                    failed(command)
                }
                if (handover != null || members.all.all { it.serverBot }) break // handed over; or bots alone, who do not keep a room open
            }
        } finally {
            close()
        }
    }
    // endregion

    /**
     * Starts the loop of a room rebuilt after a restart from [revival]: its members seated again,
     * away until they resume, its game (if it had started) where the journal left it, and its
     * timer armed again.
     */
    fun resume(revival: RoomRevival): Job = run {
        members.numberFrom(revival.roomSeq + SEQ_GAP)
        journal?.resume(revival.record.id, revival.lines, revival.logged)
        seating.revive(revival.members, revival.banned)
        game.resume(revival.play)
        bots.revive(revival.members.mapNotNull { m -> m.skill?.let { m.player to it } }.toMap())
        journal?.flush()
    }

    suspend fun join(joiner: Joiner, role: Role): Boolean = ask { RoomCommand.Join(joiner, role, it) }

    suspend fun reattach(player: PlayerId, outbox: Outbox): Boolean = ask { RoomCommand.Reattach(player, outbox, it) }

    suspend fun leave(player: PlayerId, re: JsonElement?): Boolean = ask { RoomCommand.Leave(player, re, it) }

    /** For a server shutting down: hands a recorded running game to the next start, or ends it with its `game_over`; false if the room had closed. */
    suspend fun shutdown(): Boolean = ask { RoomCommand.Shutdown(it) }

    suspend fun detach(player: PlayerId, outbox: Outbox) {
        post(RoomCommand.Detach(player, outbox))
    }

    /** Hands an in-room message to the room; false when the room has closed. */
    suspend fun submit(player: PlayerId, message: ClientMessage, re: JsonElement?, receivedAt: Long): Boolean =
        post(RoomCommand.FromMember(player, message, re, receivedAt))

    // region docs:ask
    private suspend fun post(command: RoomCommand): Boolean = try {
        waiting.incrementAndGet()
        mailbox.send(command)
        true
    } catch (_: ClosedSendChannelException) {
        waiting.decrementAndGet()
        false
    }

    private suspend fun ask(build: (CompletableDeferred<Boolean>) -> RoomCommand.Asking): Boolean {
        val reply = CompletableDeferred<Boolean>()
        return post(build(reply)) && reply.await()
    }
    // endregion

    private fun handle(command: RoomCommand) {
        when (command) {
            is RoomCommand.Join -> command.reply.complete(seating.admit(command.joiner, command.role))
            is RoomCommand.Reattach -> command.reply.complete(seating.reattach(command.player, command.outbox))
            is RoomCommand.Detach -> seating.detach(command.player, command.outbox)
            is RoomCommand.Leave -> command.reply.complete(seating.leave(command.player, command.re))
            is RoomCommand.FromMember -> {
                messages.handle(command)
                metrics.handled(clock.now() - command.receivedAt)
            }
            is RoomCommand.Tick -> game.tick(command.generation)
            is RoomCommand.GraceOver -> seating.graceOver(command.player, command.epoch)
            RoomCommand.PresenceDue -> presence.flush(game.play)
            is RoomCommand.Shutdown -> if (journal != null && game.phase != RoomPhase.FINISHED) {
                handover = command // answered once the journal has every entry: the server closes it after every room has answered
            } else {
                game.end()
                journal?.flush()
                command.reply.complete(true) // only now: the goodbyes that follow must queue after the game_over
            }
        }
        journal?.flush() // what the command added, or what waited for room in the writer's queue
    }

    private fun publish() {
        _summary.value = RoomSummary(code, gameId, game.phase.wire, members.playerCount, settings.maxPlayers)
    }

    /** Answers a command whose handling threw, so no caller waits forever. */
    private fun failed(command: RoomCommand) {
        when (command) {
            is RoomCommand.Asking -> command.reply.complete(false)
            is RoomCommand.FromMember -> members.reject(command, Rejection(ErrorCode.INTERNAL, "the server failed on that message"))
            else -> Unit
        }
    }

    private suspend fun close() {
        mailbox.close()
        if (handover == null) {
            game.end() // a game whose room empties ends, and its record with it
            if (game.phase == RoomPhase.LOBBY) journal?.discard() // a room that never started leaves no record
        }
        game.stop()
        seating.close()
        presence.close()
        bots.close()
        while (true) {
            val command = mailbox.tryReceive().getOrNull() ?: break
            if (command is RoomCommand.Join) {
                command.joiner.outbox.offer(codec.encode(ErrorMessage(ErrorCode.ROOM_NOT_FOUND.wire, "room $code has closed"), re = command.joiner.re))
            }
            if (command is RoomCommand.Asking) command.reply.complete(false)
        }
        withContext(NonCancellable) { onClosed(this@RoomActor) }
        journal?.let { while (!it.flush()) delay(JOURNAL_RETRY_MILLIS) } // the room's last entries, once the writer has room
        handover?.reply?.complete(true)
    }

    private companion object {
        val log = LoggerFactory.getLogger(RoomActor::class.java)
        const val JOURNAL_RETRY_MILLIS = 20L

        /** How far a rebuilt room's numbering skips past the last number its journal noted: messages after that one were not logged. */
        const val SEQ_GAP = 1_000L
    }
}
