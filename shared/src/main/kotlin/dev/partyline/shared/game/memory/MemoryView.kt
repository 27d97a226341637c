package dev.partyline.shared.game.memory

import dev.partyline.shared.protocol.ExplicitNulls
import dev.partyline.shared.protocol.GameView
import dev.partyline.shared.protocol.PlayerId
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.KeepGeneratedSerializer
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** The memory game's part of a `room` snapshot for one member: the [board] they see, and whether the game is [paused]. */
@Serializable
@SerialName("memory")
data class MemoryView(val board: BoardView, val paused: Boolean) : GameView

/**
 * The `board` of a memory snapshot: its shape, whose [turn] it is until [deadline], the
 * [matched] cards, the faces of the cards face up now ([faceUp]) and of the matched ones
 * ([found]), when a miss turns face down ([hideAt]), and in a race each player's pairs
 * ([progress]). Built only by [of], which reads faces from face-up and matched cards alone,
 * so a face-down card's face cannot get into a view.
 */
@OptIn(ExperimentalSerializationApi::class)
@ConsistentCopyVisibility
@Serializable(with = BoardViewSerializer::class)
@KeepGeneratedSerializer
data class BoardView private constructor(
    val rows: Int,
    val cols: Int,
    val mode: MemoryMode,
    val pairs: Int,
    val turn: PlayerId?,
    val deadline: Long?,
    val matched: List<Int>,
    val faceUp: Map<Int, String>,
    val found: Map<Int, String>,
    val hideAt: Long?,
    val progress: Map<PlayerId, Int>? = null,
) {
    companion object {
        /** [board] as a member sees it; null shows no cards (the lobby, a race's spectator). */
        fun of(settings: MemorySettings, board: Board?, turn: PlayerId?, deadline: Long?, progress: Map<PlayerId, Int>?): BoardView {
            val matched = board?.matched?.sorted().orEmpty()
            return BoardView(
                settings.rows, settings.cols, settings.mode, settings.pairs, turn, deadline, matched,
                faceUp = board?.up.orEmpty().associateWith(settings.deck::get),
                found = matched.associateWith(settings.deck::get),
                hideAt = board?.hideAt,
                progress = progress,
            )
        }
    }
}

/** Writes `turn`, `deadline` and `hideAt` even when null; `progress` only in a race. */
internal object BoardViewSerializer : ExplicitNulls<BoardView>(BoardView.generatedSerializer())
