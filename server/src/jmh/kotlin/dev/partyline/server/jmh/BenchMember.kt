package dev.partyline.server.jmh

import dev.partyline.server.room.Joiner
import dev.partyline.shared.protocol.PlayerId
import kotlinx.coroutines.channels.Channel

/** The [index]th member of a benchmark room: its id, its counting outbox and, in a quiz, a signal per opened question. */
class BenchMember(val index: Int, val player: PlayerId, val outbox: CountingOutbox, val questions: Channel<Unit>?) {
    fun joiner() = Joiner(player, "member$index", bot = true, outbox = outbox)
}
