package dev.partyline.shared.game.memory

import dev.partyline.shared.game.CrowdStandings
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.Step
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Standing
import kotlinx.collections.immutable.PersistentMap
import kotlinx.collections.immutable.persistentHashMapOf

/** The settings a memory game runs with; [deck] holds every card's face, dealt from [seed]. */
data class MemorySettings(
    val rows: Int,
    val cols: Int,
    val mode: MemoryMode,
    val turnMillis: Long,
    val missMillis: Long,
    val seed: Long,
    val deck: List<String>,
) {
    val pairs: Int get() = deck.size / 2
}

/** A participant of a memory game; one who [left] keeps the pairs they found. */
data class MemoryPlayer(val id: PlayerId, val name: String, val pairs: Int = 0, val connected: Boolean = true, val left: Boolean = false) {
    val active: Boolean get() = connected && !left
}

/**
 * One board's cards: [matched] pairs stay face up, [up] holds the (at most two) unmatched cards
 * face up now, and after a miss [hideAt] is when they turn face down.
 */
data class Board(val matched: Set<Int> = emptySet(), val up: List<Int> = emptyList(), val hideAt: Long? = null)

/**
 * The whole state of a running memory game; immutable, advanced by [MemoryRules]. In turns
 * mode everybody plays [shared]; in a race each player plays their own entry of [boards].
 */
data class MemoryState(
    val settings: MemorySettings,
    val players: List<MemoryPlayer>,
    val shared: Board = Board(),
    val boards: PersistentMap<PlayerId, Board> = persistentHashMapOf(),
    /** In a race, the boards with a missed pair showing and when it turns down: a few, so a move need not look at every board. */
    val hiding: PersistentMap<PlayerId, Long> = persistentHashMapOf(),
    val turn: PlayerId? = null,
    val deadline: Long? = null,
    val pausedAt: Long? = null,
    val over: Boolean = false,
    /** In a big race: when `standings` last went out, and whether a change waits for the next. */
    val lastStandingsAt: Long = 0,
    val standingsDue: Boolean = false,
) : GamePlay {
    val race: Boolean get() = settings.mode == MemoryMode.RACE

    /** The board [player] flips: the shared one in turns mode, their own in a race. */
    fun boardOf(player: PlayerId): Board = if (race) boards[player] ?: Board() else shared

    fun player(id: PlayerId): MemoryPlayer? = players.firstOrNull { it.id == id }

    override val wakeAt: Long?
        get() = when {
            over || pausedAt != null -> null
            race -> listOfNotNull(hiding.values.minOrNull(), standingsAt).minOrNull()
            else -> shared.hideAt ?: deadline
        }

    /** When the due `standings` of a big race go out; null when none is due. */
    val standingsAt: Long? get() = if (standingsDue) lastStandingsAt + standingsInterval else null

    /** A big race's `standings` go out at most this often (see [Crowd]). */
    val standingsInterval: Long get() = Crowd.summaryIntervalMs(players.size)

    override val isOver: Boolean get() = over

    override val scores: Map<PlayerId, Int> by lazy(LazyThreadSafetyMode.NONE) { players.associate { it.id to it.pairs } }

    override val standings: List<Standing> get() = MemoryRules.leaderboard(this)

    override fun decide(input: GameInput, now: Long): Step = MemoryRules.decide(this, input, now)

    /** [viewer]'s own board in a race (no cards for a spectator), else the shared one. */
    override fun view(viewer: PlayerId) = MemoryView(
        BoardView.of(
            settings, if (race) boards[viewer] else shared, turn, deadline,
            progress = if (race) progressFor(viewer) else null,
        ),
        paused = pausedAt != null,
    )

    /** Each racer's pairs; in a big race only the top's and [viewer]'s. */
    private fun progressFor(viewer: PlayerId): Map<PlayerId, Int> {
        val racing = players.filterNot { it.left }
        if (!CrowdStandings.isBig(players.size)) return racing.associate { it.id to it.pairs } // big as the rules count it
        val shown = CrowdStandings.top(MemoryRules.leaderboard(this), null).map { it.player }.toSet() + viewer
        return racing.filter { it.id in shown }.associate { it.id to it.pairs }
    }
}
