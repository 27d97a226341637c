package dev.partyline.shared.game.replay

import kotlinx.serialization.SerializationException

/** A replay file: its [header], then the game's inputs in the order the room took them, one JSON object a line. */
data class ReplayFile(val header: ReplayHeader, val lines: List<ReplayLine>) {
    /** The file's text: JSON lines, each ending in a newline. */
    fun text(): String = buildString {
        append(ReplayLine.json.encodeToString(ReplayHeader.serializer(), header)).append('\n')
        for (line in lines) append(ReplayLine.json.encodeToString(ReplayLine.serializer(), line)).append('\n')
    }

    companion object {
        /** Reads a replay file's [text]; throws [ReplayProblem] naming the line that does not fit. */
        fun parse(text: String): ReplayFile {
            val rows = text.lines().dropLastWhile { it.isEmpty() }.withIndex().toList()
            val first = rows.firstOrNull() ?: throw ReplayProblem("the file is empty; a replay starts with its header")
            rows.firstOrNull { it.value.isBlank() }?.let { throw ReplayProblem("a blank line; a replay has one JSON object a line", it.index + 1) }
            val header = read(first.index + 1) { ReplayLine.json.decodeFromString(ReplayHeader.serializer(), first.value) }
            if (header.replay != ReplayHeader.FORMAT) {
                throw ReplayProblem("this is replay format ${header.replay}; this Partyline reads format ${ReplayHeader.FORMAT}", first.index + 1)
            }
            val lines = rows.drop(1).map { (i, row) -> read(i + 1) { ReplayLine.json.decodeFromString(ReplayLine.serializer(), row) } }
            return ReplayFile(header, lines)
        }

        private fun <T> read(line: Int, decode: () -> T): T = try {
            decode()
        } catch (e: SerializationException) {
            throw ReplayProblem(e.message?.lineSequence()?.first() ?: "not a replay line", line)
        } catch (e: IllegalArgumentException) {
            throw ReplayProblem(e.message?.lineSequence()?.first() ?: "not a replay line", line)
        }
    }
}
