package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.PlayerNames
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.launch
import org.slf4j.LoggerFactory

/**
 * The bots the server runs in a room at its host's word: `add_bot` seats one as a player like any
 * other and runs it on [botDriver]; `remove_bot` or the room's closing ends it. Part of a [RoomActor],
 * used only from its loop; each bot runs in a coroutine of its own, which reaches the room only
 * through the room's mailbox, as any member does.
 */
internal class RoomBots(
    private val room: RoomActor,
    private val settings: RoomSettings,
    private val config: ServerConfig,
    private val codec: WireCodec,
    private val clock: Clock,
    private val scope: CoroutineScope,
    private val botDriver: BotDriver?,
    private val members: RoomMembers,
    private val seating: RoomSeating,
    private val game: RoomGame,
    private val publish: () -> Unit,
) {
    private var added = 0

    /** Seats a bot that the server runs, or refuses (changing nothing) as it would refuse a person, and more. */
    fun add(message: C.AddBot, command: RoomCommand.FromMember) {
        if (!settings.bots) return members.reject(command, RoomSeating.NO_BOTS)
        val driver = botDriver ?: return members.reject(command, Rejection(ErrorCode.BOTS_NOT_ALLOWED, "this server runs no bots of its own"))
        val number = added + 1
        val name = (if (message.name == null) "Bot $number" else PlayerNames.clean(message.name))
            ?: return members.reject(command, Rejection(ErrorCode.BAD_NAME, PlayerNames.RULE))
        val skill = message.skill ?: DEFAULT_SKILL
        val player = PlayerId("p_bot-${room.code.value.lowercase()}-$number") // never a session's id: those have no '-'
        val refusal = when {
            skill !in 0.0..1.0 -> Rejection(ErrorCode.BAD_REQUEST, "'skill' is a number from 0 to 1")
            game.phase == RoomPhase.FINISHED -> Rejection(ErrorCode.WRONG_STATE, "the game is over")
            members.all.count { it.serverBot } >= config.maxBotsPerRoom ->
                Rejection(ErrorCode.ROOM_FULL, "a room holds at most ${config.maxBotsPerRoom} bots of the server's")
            else -> seating.refusal(player, bot = true, Role.PLAYER)
        }
        if (refusal != null) return members.reject(command, refusal)
        val bot = ServerBot(player, name, skill, config.outboxCapacity, room, codec, clock)
        seating.enter(Member(player, name, bot = true, Role.PLAYER, bot, serverBot = true), null)?.let { return members.reject(command, it) }
        added = number
        publish()
        scope.launch { run(bot, driver) }
    }

    /** Runs again the bots of a room rebuilt after a restart (with [skills] by player); without a driver, they leave. */
    fun revive(skills: Map<PlayerId, Double>) {
        for ((player, skill) in skills) {
            val member = members[player] ?: continue
            val driver = botDriver
            if (driver == null) {
                seating.remove(member, "removed")
                continue
            }
            val bot = ServerBot(player, member.name, skill, config.outboxCapacity, room, codec, clock)
            seating.reattach(player, bot)
            added = maxOf(added, player.value.substringAfterLast('-').toIntOrNull() ?: 0)
            scope.launch { run(bot, driver) }
        }
    }

    /** Removes the bot [message] names, if it is one the server runs here. */
    fun remove(message: C.RemoveBot, command: RoomCommand.FromMember) {
        val target = members[PlayerId(message.player)]?.takeIf { it.serverBot }
            ?: return members.reject(command, Rejection(ErrorCode.BAD_REQUEST, "'${message.player.take(40)}' is not a bot the server runs in this room"))
        target.outbox?.close(Goodbye(Goodbye.KICKED, "the host removed this bot"))
        seating.remove(target, "removed")
    }

    /** Ends every bot: the room is closing. */
    fun close() {
        for (member in members.all) if (member.serverBot) member.outbox?.close(Goodbye(Goodbye.SHUTDOWN, "room ${room.code} has closed"))
    }

    /** Runs [bot] until it ends; one that stops on its own (it fell behind, or failed) leaves the room. */
    private suspend fun run(bot: ServerBot, driver: BotDriver) {
        try {
            driver.play(bot)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.error("room {}: bot {} failed", room.code, bot.player, e)
        }
        room.leave(bot.player, null)
    }

    private companion object {
        val log = LoggerFactory.getLogger(RoomBots::class.java)

        /** The skill of a bot added without one: as the `bot` command's default. */
        const val DEFAULT_SKILL = 0.7
    }
}
