package dev.partyline.server.results

import dev.partyline.server.store.GameRecord
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.memory.MemoryState
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.game.replay.ReplayFile
import dev.partyline.shared.game.replay.ReplayHeader
import dev.partyline.shared.game.replay.ReplayLine
import dev.partyline.shared.game.replay.ReplayProblem
import dev.partyline.shared.game.replay.Replayer
import dev.partyline.shared.protocol.PlayerId
import org.slf4j.LoggerFactory

/**
 * Reports from games' records: each is the game's journal replayed through the same rules, with
 * the figures gathered on the way. A journal that stops replaying part way (a gap left by a
 * crash) gives the report of what it holds up to there.
 */
object GameReports {
    private val replayer = Replayer(Games.all)
    private val log = LoggerFactory.getLogger(GameReports::class.java)

    /** Game [record]'s replay file: its header, then its [journal]'s lines. */
    fun replayFile(record: GameRecord, journal: List<String>): String = buildString {
        append(record.header).append('\n')
        for (line in journal) append(line).append('\n')
    }

    /** The report of game [record] from its [journal]; [links] is where its downloads are. */
    fun report(record: GameRecord, journal: List<String>, links: Map<String, String>): GameReport {
        val header = ReplayLine.json.decodeFromString(ReplayHeader.serializer(), record.header)
        val lines = journal.map { ReplayLine.json.decodeFromString(ReplayLine.serializer(), it) }
        val quiz = QuizTally()
        val memory = MemoryTally()
        val bots = HashSet<PlayerId>()
        var play: GamePlay? = null
        try {
            replayer.run(ReplayFile(header, lines)) { step ->
                when (val line = step.line) {
                    is ReplayLine.Start -> line.seats.filter { it.bot }.forEach { bots += it.player }
                    is ReplayLine.Joined -> if (line.seat.bot) bots += line.seat.player
                    else -> Unit
                }
                quiz.see(step)
                memory.see(step)
                play = step.after
            }
        } catch (e: ReplayProblem) {
            log.warn("game {}: its journal replays only up to {}", record.id, e.message)
        }
        val players = play?.standings.orEmpty().map { s ->
            val id = s.player.value
            PlayerResult(
                id, s.name, s.player in bots, s.score, s.rank,
                correct = if (header.game == QuizGame.id) quiz.correct(id) else null,
                flips = memory.state?.let { memory.flips(s.player) },
                turns = memory.state?.let { memory.turns(s.player) },
            )
        }
        return GameReport(
            id = record.id, room = record.room, game = record.game, title = record.title,
            startedAt = record.startedAt, endedAt = record.endedAt, players = players,
            questions = quiz.questions.takeIf { header.game == QuizGame.id },
            hardest = quiz.hardest(),
            memory = memory.state?.let { memoryResult(it, record) },
            downloads = links,
        )
    }

    private fun memoryResult(state: MemoryState, record: GameRecord) = MemoryResult(
        mode = state.settings.mode.name.lowercase(),
        rows = state.settings.rows,
        cols = state.settings.cols,
        pairs = state.settings.pairs,
        durationMs = record.endedAt?.let { it - record.startedAt },
    )
}
