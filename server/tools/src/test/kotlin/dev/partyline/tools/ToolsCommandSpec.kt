package dev.partyline.tools

import com.github.ajalt.clikt.core.subcommands
import com.github.ajalt.clikt.testing.test
import dev.partyline.tools.bench.BenchCommand
import dev.partyline.tools.bot.BotCommand
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** The tools' command line, as `--help` shows it. */
class ToolsCommandSpec : FunSpec({
    test("each program's help shows its options' defaults") {
        val tools = { ToolsCommand().subcommands(BotCommand(), BenchCommand()) }
        tools().test("bench --help").output shouldContain "(default: 7070)"
        tools().test("bot --help").output shouldContain "(default: 8080)"
    }

    test("a flag is read from PARTYLINE_<PROGRAM>_<FLAG>, and one on the command line wins over it") {
        val environment = mapOf("PARTYLINE_BOT_ROOM" to "QX7K2M", "PARTYLINE_BOT_COUNT" to "3")
        val fromEnvironment = BotCommand().also { ToolsCommand().subcommands(it).test("bot", envvars = environment) }
        fromEnvironment.settings?.room shouldBe "QX7K2M"
        fromEnvironment.settings?.count shouldBe 3
        val flagWins = BotCommand().also { ToolsCommand().subcommands(it).test("bot --count 5", envvars = environment) }
        flagWins.settings?.count shouldBe 5
    }

    test("a race takes its board as ROWSxCOLS and a think time, 1,000 players by default; a board the server refuses is refused here") {
        val bench = BenchCommand().also { ToolsCommand().subcommands(it).test("bench --scenario race --board 6x4 --think-ms 80") }
        val settings = bench.settings!!
        settings.players shouldBe 1000
        (settings.boardRows to settings.boardCols) shouldBe (6 to 4)
        settings.thinkMillis shouldBe 80
        BenchCommand().also { ToolsCommand().subcommands(it).test("bench --scenario race") }.settings!!.let { (it.boardRows to it.boardCols) shouldBe (4 to 4) }
        for (refused in listOf("--board 3x3", "--board 9x2", "--board 4", "--think-ms 10")) {
            val result = ToolsCommand().subcommands(BenchCommand()).test("bench --scenario race $refused")
            result.statusCode shouldBe 1
        }
        ToolsCommand().subcommands(BenchCommand()).test("bench --help").output shouldContain "(default: 4x4)"
    }

    test("the top-level help names both programs") {
        val help = ToolsCommand().subcommands(BotCommand(), BenchCommand()).test("--help").output
        help shouldContain "bot"
        help shouldContain "bench"
    }
})
