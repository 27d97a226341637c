package dev.partyline.server.results

/**
 * A report as tables for a spreadsheet: [summary] (a row a player) and, for a quiz, [answers]
 * (a row a player per question). Cells are texts and numbers; the first row of each is its header.
 */
class ResultTables(val summary: List<List<Any>>, val answers: List<List<Any>>?) {
    companion object {
        val QUIZ_SUMMARY = listOf("Rank", "Player", "Bot", "Score", "Correct")
        val MEMORY_SUMMARY = listOf("Rank", "Player", "Bot", "Pairs", "Flips", "Turns")
        val ANSWERS = listOf("Question", "Question text", "Player", "Answer", "Correct", "Time (ms)", "Points")

        fun of(report: GameReport): ResultTables {
            val questions = report.questions ?: return ResultTables(
                listOf(MEMORY_SUMMARY) + report.players.map { listOf(it.rank, it.name, yesNo(it.bot), it.score, it.flips ?: 0, it.turns ?: "") },
                null,
            )
            val summary = listOf(QUIZ_SUMMARY) + report.players.map { listOf(it.rank, it.name, yesNo(it.bot), it.score, it.correct ?: 0) }
            val answers = listOf(ANSWERS) + questions.flatMap { q ->
                q.answers.map { a -> listOf(q.index + 1, q.text, a.name, a.answer.orEmpty(), yesNo(a.correct), a.timeMs ?: "", a.points) }
            }
            return ResultTables(summary, answers)
        }

        private fun yesNo(value: Boolean) = if (value) "yes" else "no"
    }
}
