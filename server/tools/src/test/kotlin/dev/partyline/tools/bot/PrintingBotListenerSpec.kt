package dev.partyline.tools.bot

import dev.partyline.server.bot.BotResult
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest

/** What the bot CLI prints: a line per event, and one ranked summary once every bot saw the game end. */
class PrintingBotListenerSpec : FunSpec({
    test("a bot joining or leaving is one line; the summary waits for every bot and ranks them") {
        runTest {
            val lines = mutableListOf<String>()
            val listener = PrintingBotListener(count = 2) { lines += it }
            val printing = launch { listener.print() }
            listener.joined("bot-1", "QX7K2M", "memory")
            listener.gameOver(BotResult("bot-1", "memory", score = 1, rank = 2, players = 2, moves = 9))
            listener.gameOver(BotResult("bot-2", "memory", score = 5, rank = 1, players = 2, moves = 12))
            listener.ended("bot-2", "closed")
            listener.close()
            printing.join()
            lines shouldContainExactly listOf(
                "bot-1 joined QX7K2M (memory)",
                "game over (memory, 2 players):",
                "  bot-2: rank 1, score 5, 12 moves",
                "  bot-1: rank 2, score 1, 9 moves",
                "bot-2 left: closed",
            )
        }
    }
})
