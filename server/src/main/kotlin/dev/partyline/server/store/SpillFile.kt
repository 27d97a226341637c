package dev.partyline.server.store

import dev.partyline.shared.game.replay.ReplayLine
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption.APPEND
import java.nio.file.StandardOpenOption.CREATE
import java.nio.file.StandardOpenOption.WRITE

/**
 * An append-only file of [JournalEntry]s, one JSON line each, synced on every append; it outlives
 * a restart. [JournalWriter] keeps two: the spill file, for entries the database could not take
 * while it was slow or down (written to it, in order, once it answers again), and the file of
 * entries it refused outright.
 */
class SpillFile(private val path: Path) {
    /** Whether entries are waiting here: read from disk once, then kept by [append] and [drain], so the writer's loop asks no file system. */
    @Volatile var holdsEntries: Boolean = Files.exists(path) && Files.size(path) > 0
        private set

    /** Appends [entries] and syncs them to disk before returning. */
    suspend fun append(entries: List<JournalEntry>) = withContext(Dispatchers.IO) {
        val text = buildString { for (e in entries) append(json.encodeToString(JournalEntry.serializer(), e)).append('\n') }
        Files.createDirectories(path.parent)
        FileChannel.open(path, CREATE, WRITE, APPEND).use { channel ->
            val bytes = java.nio.ByteBuffer.wrap(text.toByteArray())
            while (bytes.hasRemaining()) channel.write(bytes)
            channel.force(false)
        }
        holdsEntries = true
    }

    /**
     * Hands every entry here to [write], [batch] at a time and in order, then empties the file. A
     * line cut short by a crash mid-append is skipped. If [write] throws, the file is kept whole:
     * what was written already will be written again, which the store takes as a no-op.
     */
    suspend fun drain(batch: Int, write: suspend (List<JournalEntry>) -> Unit) {
        val entries = withContext(Dispatchers.IO) {
            Files.readAllLines(path).filter { it.isNotBlank() }.mapNotNull { line ->
                runCatching { json.decodeFromString(JournalEntry.serializer(), line) }.getOrNull()
            }
        }
        for (chunk in entries.chunked(batch)) write(chunk)
        withContext(Dispatchers.IO) { Files.deleteIfExists(path) }
        holdsEntries = false
    }

    private companion object {
        val json = ReplayLine.json
    }
}
