package dev.partyline.server.store

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ChannelResult
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.selects.onTimeout
import kotlinx.coroutines.selects.select
import org.slf4j.LoggerFactory
import kotlin.time.TimeSource

/** Where rooms hand their [JournalEntry]s; never waits. */
fun interface Journal {
    /** Queues [entry]; false when the queue is full, and the caller keeps it to offer again. */
    fun offer(entry: JournalEntry): Boolean
}

/**
 * Writes rooms' journals to the [store] from a bounded queue, on a coroutine of its own: the
 * entries of [lingerMillis] (or [batch] of them, whichever comes first) in one transaction. When
 * the store is slow or down, batches go to the [spill] file instead, and from then on every batch
 * goes there, behind them, until the store answers again (tried every [retryMillis]) and the file
 * has been written to it: nothing is lost, and the order is kept. An entry the store refuses
 * outright (not for being down) is set aside in the [refused] file and logged.
 */
class JournalWriter(
    private val store: GameStore,
    private val spill: SpillFile,
    /** Where entries the store refuses outright are kept, for someone to look at. */
    private val refused: SpillFile,
    capacity: Int,
    private val batch: Int = 200,
    private val lingerMillis: Long = 50,
    private val retryMillis: Long = 1_000,
) : Journal {
    private val queue = Channel<JournalEntry>(capacity)
    private var job: Job? = null

    @Volatile private var closing = false
    private var lastTry: TimeSource.Monotonic.ValueTimeMark? = null

    override fun offer(entry: JournalEntry): Boolean = queue.trySend(entry).isSuccess

    /** Writes what an earlier run left in the spill file to the store, before [start]; true when none is left there. */
    suspend fun catchUp(): Boolean = unspill()

    fun start(scope: CoroutineScope) {
        job = scope.launch { run() }
    }

    /** Takes no more entries and returns once every queued one is written (or spilled). */
    suspend fun close() {
        closing = true
        queue.close()
        job?.join()
    }

    @OptIn(ExperimentalCoroutinesApi::class)
    private suspend fun run() {
        val pending = ArrayList<JournalEntry>(batch)
        while (true) {
            val first = if (spill.holdsEntries) {
                select<ChannelResult<JournalEntry>?> { queue.onReceiveCatching { it }; onTimeout(retryMillis) { null } }
            } else {
                queue.receiveCatching()
            }
            if (first == null) { // a quiet moment with entries spilled: try the store again
                lastTry = null
                unspill()
                continue
            }
            val entry = first.getOrNull() ?: break
            pending += entry
            fill(pending)
            if (pending.size < batch && !closing) {
                delay(lingerMillis)
                fill(pending)
            }
            write(pending)
            pending.clear()
        }
        lastTry = null
        unspill()
    }

    private fun fill(pending: MutableList<JournalEntry>) {
        while (pending.size < batch) pending += queue.tryReceive().getOrNull() ?: return
    }

    private suspend fun write(entries: List<JournalEntry>) {
        if (!unspill()) return spill.append(entries)
        try {
            keep(entries)
        } catch (e: StoreUnavailable) {
            log.warn("journal: the store is not answering ({}); {} entries go to the spill file", e.message, entries.size)
            spill.append(entries)
        }
    }

    /**
     * Writes [entries] to the store; throws [StoreUnavailable] while it is down. A batch it refuses
     * for any other reason is written one entry at a time, and an entry it still refuses goes to
     * the [refused] file, so a bad entry holds up no other and is not lost either.
     */
    private suspend fun keep(entries: List<JournalEntry>) {
        try {
            store.write(entries)
        } catch (e: Exception) {
            if (e is StoreUnavailable || e is CancellationException) throw e
            log.error("journal: the store refused a batch; writing its {} entries one by one", entries.size, e)
            for (entry in entries) {
                try {
                    store.write(listOf(entry))
                } catch (e: Exception) {
                    if (e is StoreUnavailable || e is CancellationException) throw e
                    log.error("journal: the store refuses {}; it is kept in the refused-entries file", entry, e)
                    refused.append(listOf(entry))
                }
            }
        }
    }

    /** Writes the spill file to the store, trying at most once every [retryMillis]; true once it is empty. */
    private suspend fun unspill(): Boolean {
        if (!spill.holdsEntries) return true
        if (lastTry?.let { it.elapsedNow().inWholeMilliseconds < retryMillis } == true) return false
        lastTry = TimeSource.Monotonic.markNow()
        return try {
            spill.drain(batch, ::keep)
            log.info("journal: the store answers again; the spill file is written")
            true
        } catch (e: StoreUnavailable) {
            false
        }
    }

    private companion object {
        val log = LoggerFactory.getLogger(JournalWriter::class.java)
    }
}
