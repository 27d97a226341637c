package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Step
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.Rejection
import kotlinx.coroutines.Job

/** Where a room is in its life. */
enum class RoomPhase(val wire: String) { LOBBY("lobby"), PLAYING("playing"), FINISHED("finished") }

/**
 * A room's game: its [phase], the running [play], and the one timer armed for the play's next
 * wake-up. Feeds inputs to the game's rules and delivers what they emit to [members]; a rejection
 * goes back to the member who asked. Tells [timerRan] how late each timer was handled. Part of a
 * [RoomActor], used only from its loop.
 */
internal class RoomGame(
    private val table: GameTable,
    private val clock: Clock,
    private val members: RoomMembers,
    private val timers: RoomTimers,
    private val publish: () -> Unit,
    private val timerRan: (lateMillis: Long) -> Unit,
    /** Where the game's accepted inputs go; null keeps no record. */
    private val journal: RoomJournal?,
) {
    var phase = RoomPhase.LOBBY
        private set
    var play: GamePlay? = null
        private set
    private var timer: Job? = null
    private var timerAt: Long? = null
    private var timerGeneration = 0L

    /** Starts the game with the members it seats, as the host's [command] asks. */
    fun start(command: RoomCommand.FromMember) {
        if (phase != RoomPhase.LOBBY) return members.reject(command, Rejection(ErrorCode.WRONG_STATE, "the game has already started"))
        val seats = members.players.map { Seat(it.player, it.name, it.connected, it.bot) }
        val now = clock.now()
        when (val step = table.start(seats, now)) {
            is Step.Rejected -> members.reject(command, step.rejection)
            is Step.Next -> {
                phase = RoomPhase.PLAYING
                journal?.begin(seats, now)
                apply(step, command, now)
            }
        }
    }

    /**
     * Goes on with [restored], the game of a room rebuilt after a restart (null: it had not
     * started): its timer is armed again for its next wake-up, at once if that passed while the
     * server was down.
     */
    fun resume(restored: GamePlay?) {
        if (restored == null) return
        play = restored
        phase = RoomPhase.PLAYING
        if (restored.isOver) {
            phase = RoomPhase.FINISHED
            journal?.finish(clock.now(), restored.scores.size)
        }
        rearm()
        publish()
    }

    /** A member's [input] for the running game (a move, or a host's pause, resume, skip or end). */
    fun request(input: GameInput, command: RoomCommand.FromMember) {
        if (phase != RoomPhase.PLAYING) {
            val why = if (phase == RoomPhase.LOBBY) "the game has not started" else "the game is over"
            return members.reject(command, Rejection(ErrorCode.WRONG_STATE, why))
        }
        step(input, command)
    }

    /**
     * Seats a joining player in the game, if one has begun, then calls [seated] to seat them in the
     * room before the game's news of them goes out; the game's rejection (nothing changed) if it
     * refuses a late joiner.
     */
    fun join(seat: Seat, seated: () -> Unit): Rejection? {
        val current = play
        if (current == null) {
            seated()
            return null
        }
        val now = clock.now()
        val input = GameInput.Joined(seat)
        return when (val step = current.decide(input, now)) {
            is Step.Rejected -> step.rejection
            is Step.Next -> {
                journal?.record(input, now)
                play = step.play // the joiner's snapshot already shows them seated in the game
                seated()
                apply(step, null, now)
                null
            }
        }
    }

    /** An input that only the room causes (presence, departures); nothing to reply. */
    fun notice(input: GameInput) {
        if (phase == RoomPhase.PLAYING) step(input, null)
    }

    /** The timer went off; ignored when [generation] is not the latest timer's. */
    fun tick(generation: Long) {
        if (generation != timerGeneration) return
        timerAt?.let { timerRan(clock.now() - it) }
        timerAt = null
        step(GameInput.Tick, null)
    }

    /** Ends a running game now, with its `game_over` and the scores so far. */
    fun end() = notice(GameInput.End)

    /** Cancels the timer, for good: the room is closing. */
    fun stop() {
        timer?.cancel()
    }

    /** Feeds [input] to the running game, if any; a rejection goes back to the requester. */
    private fun step(input: GameInput, command: RoomCommand.FromMember?) {
        val current = play ?: return
        val now = clock.now()
        when (val step = current.decide(input, now)) {
            is Step.Rejected -> if (command != null) members.reject(command, step.rejection)
            is Step.Next -> {
                journal?.record(input, now)
                apply(step, command, now)
            }
        }
    }

    private fun apply(step: Step.Next, command: RoomCommand.FromMember?, now: Long) {
        play = step.play
        for (emit in step.emits) deliver(emit, command)
        if (step.play.isOver && phase == RoomPhase.PLAYING) {
            phase = RoomPhase.FINISHED
            journal?.finish(now, step.play.scores.size)
        }
        rearm()
        publish()
    }

    private fun deliver(emit: Emit, command: RoomCommand.FromMember?) {
        val variant = reportVariant(emit.message)
        when (val to = emit.to) {
            Audience.Everyone -> members.broadcast(emit.message, variant = variant)
            is Audience.Only -> members.sendTo(to.player, variant?.takeIf { it.player == to.player }?.message ?: emit.message)
            is Audience.Others -> members.broadcast(emit.message, to.except, variant)
            Audience.Requester -> if (command != null) members.answer(command, emit.message)
        }
    }

    /** The room creator's own `game_over`, with the link to the game's report, when [message] is a `game_over` and the game is recorded. */
    private fun reportVariant(message: ServerMessage): RoomMembers.Variant? {
        val report = journal?.report ?: return null
        val over = message as? GameOver ?: return null
        return RoomMembers.Variant(journal.creator, over.copy(report = report))
    }

    // region docs:rearm
    /** Keeps one timer armed for the game's next wake-up; it arrives as a [RoomCommand.Tick]. */
    private fun rearm() {
        val wake = if (phase == RoomPhase.PLAYING) play?.wakeAt else null
        if (wake == timerAt) return
        timer?.cancel()
        timerAt = wake
        if (wake == null) return
        timer = timers.after(RoomCommand.Tick(++timerGeneration)) { wake - clock.now() }
    }
    // endregion
}
