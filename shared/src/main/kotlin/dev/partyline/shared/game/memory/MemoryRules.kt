package dev.partyline.shared.game.memory

import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.CrowdStandings
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.Tally
import dev.partyline.shared.game.standings
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Paused
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Resumed
import dev.partyline.shared.protocol.ServerMessage
import kotlinx.collections.immutable.persistentHashMapOf
import kotlinx.collections.immutable.toPersistentHashMap

/**
 * Memory as a fold: `decide(state, input, now)` gives the next state and its events, or a
 * rejection. Turns pass in seat order to the next connected player; a race ends at the first
 * cleared board.
 */
object MemoryRules {
    /** Deals the board to [seats] at [now]; in turns mode the first connected seat begins. */
    fun start(settings: MemorySettings, seats: List<Seat>, now: Long): Step.Next {
        val players = seats.map { MemoryPlayer(it.player, it.name, connected = it.connected) }
        val boards = if (settings.mode == MemoryMode.RACE) players.associate { it.id to Board() }.toPersistentHashMap() else persistentHashMapOf()
        val dealt = MemoryState(settings, players, boards = boards, lastStandingsAt = now - Crowd.summaryIntervalMs(players.size))
        val state = if (dealt.race) dealt else {
            val first = players.firstOrNull { it.active }
            dealt.copy(turn = first?.id, deadline = first?.let { now + settings.turnMillis })
        }
        val board = BoardStarted(settings.rows, settings.cols, settings.mode, settings.pairs, state.turn, state.deadline)
        return Step.Next(state, listOf(everyone(board)))
    }

    fun decide(state: MemoryState, input: GameInput, now: Long): Step = when (input) {
        is GameInput.Move -> when (val move = input.move) {
            is FlipCard -> afterDue(state, now) { flip(it, input.player, move.card, now) }
            else -> reject(ErrorCode.WRONG_STATE, "that is not a move in memory")
        }
        is GameInput.Joined -> joined(state, input.seat, now)
        is GameInput.Presence -> {
            val player = state.player(input.player)
            if (player == null) Step.Next(state) else settleTurn(state.withPlayer(player.copy(connected = input.connected)), now)
        }
        is GameInput.Gone -> gone(state, input.player, now)
        GameInput.Tick -> tick(state, now)
        GameInput.Skip -> when {
            state.over -> reject(ErrorCode.WRONG_STATE, "the game is over")
            state.pausedAt != null -> reject(ErrorCode.WRONG_STATE, "the game is paused; resume it first")
            state.race -> reject(ErrorCode.WRONG_STATE, "a race has no turns to pass")
            state.turn == null -> reject(ErrorCode.WRONG_STATE, "nobody is on turn")
            else -> endTurn(state, now)
        }
        GameInput.Pause -> when {
            state.over -> reject(ErrorCode.WRONG_STATE, "the game is over")
            state.pausedAt != null -> reject(ErrorCode.WRONG_STATE, "the game is already paused")
            else -> Step.Next(state.copy(pausedAt = now), listOf(everyone(Paused(state.deadline?.let { (it - now).coerceAtLeast(0) }))))
        }
        GameInput.Resume -> resume(state, now)
        GameInput.End -> if (state.over) reject(ErrorCode.WRONG_STATE, "the game is over") else finish(state, "ended", emptyList())
    }

    private fun flip(state: MemoryState, id: PlayerId, card: Int, now: Long): Step {
        val player = state.player(id)
        val board = state.boardOf(id)
        return when {
            player == null || player.left -> reject(ErrorCode.NOT_A_PLAYER, "only players flip cards; you are watching")
            state.over -> reject(ErrorCode.WRONG_STATE, "the game is over")
            state.pausedAt != null -> reject(ErrorCode.WRONG_STATE, "the game is paused")
            card !in state.settings.deck.indices -> reject(ErrorCode.BAD_REQUEST, "\"card\" must be a card index from 0 to ${state.settings.deck.lastIndex}")
            !state.race && state.turn != id ->
                reject(ErrorCode.NOT_YOUR_TURN, state.turn?.let { "it is ${state.player(it)?.name}'s turn" } ?: "it is nobody's turn")
            board.hideAt != null -> reject(ErrorCode.WRONG_STATE, "wait until the two missed cards turn face down")
            card in board.matched -> reject(ErrorCode.BAD_REQUEST, "card $card is already matched")
            card in board.up -> reject(ErrorCode.BAD_REQUEST, "card $card is already face up")
            else -> turnUp(state, player, board.copy(up = board.up + card), card, now)
        }
    }

    /** [card] is face up on [board]; with two up, they match or miss. */
    private fun turnUp(state: MemoryState, player: MemoryPlayer, board: Board, card: Int, now: Long): Step.Next {
        val settings = state.settings
        val to = audienceOf(state, player.id)
        val emits = mutableListOf(Emit(to, Flipped(card, settings.deck[card], player.id)))
        if (board.up.size < 2) return Step.Next(state.withBoard(player.id, board), emits)
        val (a, b) = board.up
        if (settings.deck[a] != settings.deck[b]) {
            val hideAt = now + settings.missMillis
            emits += Emit(to, PairMissed(board.up, player.id, hideAt))
            val missed = state.withBoard(player.id, board.copy(hideAt = hideAt))
            return if (settings.missMillis == 0L) hide(missed, player.id, now).after(emits) else Step.Next(missed, emits)
        }
        val scorer = player.copy(pairs = player.pairs + 1)
        val cleared = board.copy(matched = board.matched + a + b, up = emptyList())
        val scored = state.withBoard(player.id, cleared).withPlayer(scorer)
        emits += Emit(to, PairMatched(listOf(a, b), player.id, scorer.pairs))
        val bigRace = state.race && CrowdStandings.isBig(state.players.size)
        if (state.race && !bigRace) emits += everyone(RaceProgressed(player.id, scorer.pairs))
        return when {
            cleared.matched.size == settings.deck.size -> finish(scored, "finished", emits)
            bigRace -> standingsDue(scored, now).after(emits)
            state.race -> Step.Next(scored, emits)
            else -> {
                // A match keeps the turn, with a fresh deadline.
                val deadline = now + settings.turnMillis
                Step.Next(scored.copy(deadline = deadline), emits + everyone(TurnStarted(player.id, deadline)))
            }
        }
    }

    /** A pair was found in a big race: `standings` go out now, or as soon as its [MemoryState.standingsInterval] since the last has passed. */
    private fun standingsDue(state: MemoryState, now: Long): Step.Next =
        if (now - state.lastStandingsAt >= state.standingsInterval) standings(state, now) else Step.Next(state.copy(standingsDue = true))

    private fun standings(state: MemoryState, now: Long): Step.Next {
        val leaderboard = leaderboard(state)
        val news = RaceStandings(CrowdStandings.top(leaderboard, null), total = leaderboard.size)
        return Step.Next(state.copy(lastStandingsAt = now, standingsDue = false), listOf(everyone(news)))
    }

    private fun tick(state: MemoryState, now: Long): Step.Next = when {
        state.over || state.pausedAt != null -> Step.Next(state)
        state.race -> state.hiding.filterValues { it <= now }.keys
            .fold(dueStandings(state, now)) { step, owner -> hideOwn(step.memory, owner).after(step.emits) }
        state.shared.hideAt != null -> if (now >= state.shared.hideAt) endTurn(state, now) else Step.Next(state)
        state.deadline != null && now >= state.deadline -> endTurn(state, now)
        else -> Step.Next(state)
    }

    private fun dueStandings(state: MemoryState, now: Long): Step.Next =
        if (state.standingsAt?.let { now >= it } == true) standings(state, now) else Step.Next(state)

    /** Turns [owner]'s missed cards down at once; in turns mode the turn passes too. */
    private fun hide(state: MemoryState, owner: PlayerId, now: Long): Step.Next =
        if (state.race) hideOwn(state, owner) else endTurn(state, now)

    /** Turns the face-up cards of [owner]'s race board down. */
    private fun hideOwn(state: MemoryState, owner: PlayerId): Step.Next {
        val board = state.boardOf(owner)
        return Step.Next(state.withBoard(owner, board.copy(up = emptyList(), hideAt = null)), listOf(Emit(Audience.Only(owner), CardsHidden(board.up, owner))))
    }

    /**
     * Settles what fell due by [now] (a miss to turn down, a lapsed turn) before [move], so a move
     * is judged by the clock, not by when the timer's tick arrives. A refused move changes
     * nothing: what fell due is then left to that tick.
     */
    private fun afterDue(state: MemoryState, now: Long, move: (MemoryState) -> Step): Step {
        val due = tick(state, now)
        return when (val step = move(due.memory)) {
            is Step.Next -> step.after(due.emits)
            is Step.Rejected -> step
        }
    }

    /** Ends the current turn: its face-up unmatched cards turn down and the next connected player is on. */
    private fun endTurn(state: MemoryState, now: Long): Step.Next {
        val up = state.shared.up
        val emits = mutableListOf<Emit>()
        if (up.isNotEmpty() && state.turn != null) emits += everyone(CardsHidden(up, state.turn))
        val next = nextActive(state.players, state.turn)
        val deadline = next?.let { now + state.settings.turnMillis }
        emits += everyone(TurnStarted(next, deadline))
        return Step.Next(state.copy(shared = state.shared.copy(up = emptyList(), hideAt = null), turn = next, deadline = deadline), emits)
    }

    /**
     * After someone came, went or resumed: a turn held by a player who is no longer active ends
     * (unless a miss is still showing, which ends it anyway), and a turn nobody holds goes to the
     * first active player.
     */
    private fun settleTurn(state: MemoryState, now: Long): Step.Next {
        if (state.race || state.over || state.pausedAt != null) return Step.Next(state)
        val holder = state.turn?.let(state::player)
        return when {
            holder != null && holder.active -> Step.Next(state)
            holder != null -> if (state.shared.hideAt != null) Step.Next(state) else endTurn(state, now)
            state.players.any { it.active } -> endTurn(state, now)
            else -> Step.Next(state)
        }
    }

    private fun joined(state: MemoryState, seat: Seat, now: Long): Step {
        if (state.over) return reject(ErrorCode.WRONG_STATE, "this game is over")
        val existing = state.player(seat.player)
        val player = existing?.copy(left = false, connected = seat.connected) ?: MemoryPlayer(seat.player, seat.name, connected = seat.connected)
        val seated = if (existing != null) state.withPlayer(player) else state.copy(players = state.players + player)
        val boarded = if (seated.race) seated.copy(boards = seated.boards.put(player.id, seated.boardOf(player.id))) else seated
        return settleTurn(boarded, now)
    }

    private fun gone(state: MemoryState, id: PlayerId, now: Long): Step.Next {
        val player = state.player(id) ?: return Step.Next(state)
        val after = state.withPlayer(player.copy(left = true, connected = false))
        if (after.players.none { !it.left } && !after.over) return finish(after, "abandoned", emptyList())
        // Like a drop: the turn passes at once, but a missed pair still showing stays up until its hide.
        return settleTurn(after, now)
    }

    private fun resume(state: MemoryState, now: Long): Step {
        val pausedAt = state.pausedAt ?: return reject(ErrorCode.WRONG_STATE, "the game is not paused")
        val shift = now - pausedAt
        fun Board.shifted() = copy(hideAt = hideAt?.plus(shift))
        val resumed = state.copy(
            pausedAt = null,
            deadline = state.deadline?.plus(shift),
            shared = state.shared.shifted(),
            boards = state.boards.mapValues { it.value.shifted() }.toPersistentHashMap(),
            hiding = state.hiding.mapValues { it.value + shift }.toPersistentHashMap(),
            lastStandingsAt = state.lastStandingsAt + shift,
        )
        val settled = settleTurn(resumed, now)
        return settled.before(everyone(Resumed(settled.memory.deadline)))
    }

    private fun finish(state: MemoryState, reason: String, emits: List<Emit>): Step.Next {
        val done = state.copy(over = true, pausedAt = null, turn = null, deadline = null)
        return Step.Next(done, emits + CrowdStandings.gameOver(leaderboard(done), reason, done.players.map { it.id }.toSet(), state.settings.seed))
    }

    fun leaderboard(state: MemoryState) = standings(state.players.filterNot { it.left }.map { Tally(it.id, it.name, it.pairs) })

    /** The next active player after [current] in seat order, [current] itself last; null when nobody is active. */
    fun nextActive(players: List<MemoryPlayer>, current: PlayerId?): PlayerId? {
        val from = players.indexOfFirst { it.id == current }
        return (1..players.size).map { players[(from + it).mod(players.size)] }.firstOrNull { it.active }?.id
    }

    private fun audienceOf(state: MemoryState, player: PlayerId): Audience = if (state.race) Audience.Only(player) else Audience.Everyone

    private fun everyone(message: ServerMessage) = Emit(Audience.Everyone, message)

    private fun MemoryState.withPlayer(player: MemoryPlayer) = copy(players = players.map { if (it.id == player.id) player else it })

    private fun MemoryState.withBoard(owner: PlayerId, board: Board) = if (!race) copy(shared = board) else copy(
        boards = boards.put(owner, board),
        hiding = board.hideAt?.let { hiding.put(owner, it) } ?: hiding.remove(owner),
    )

    private val Step.Next.memory: MemoryState get() = play as MemoryState

    private fun Step.Next.after(earlier: List<Emit>) = copy(emits = earlier + emits)

    private fun Step.Next.before(first: Emit) = copy(emits = listOf(first) + emits)

    private fun reject(code: ErrorCode, message: String) = Step.Rejected(Rejection(code, message))
}
