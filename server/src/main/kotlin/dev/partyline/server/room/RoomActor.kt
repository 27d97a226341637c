package dev.partyline.server.room

import dev.partyline.server.Clock
import dev.partyline.server.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.session.Outbox
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GameMove
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Step
import dev.partyline.shared.protocol.ChatLine
import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.HostChanged
import dev.partyline.shared.protocol.Left
import dev.partyline.shared.protocol.Limits
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.PlayerJoined
import dev.partyline.shared.protocol.PlayerLeft
import dev.partyline.shared.protocol.PlayerNames
import dev.partyline.shared.protocol.PlayerStatus
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.RoomSummary
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ClosedSendChannelException
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import kotlinx.serialization.json.JsonElement
import org.slf4j.LoggerFactory
import java.util.concurrent.atomic.AtomicInteger

/** Where a room is in its life. */
enum class RoomPhase(val wire: String) { LOBBY("lobby"), PLAYING("playing"), FINISHED("finished") }

/**
 * One room: a coroutine that owns all of the room's state, fed by a bounded mailbox of
 * [RoomCommand]s. Nothing else reads or writes that state. It never suspends on a client:
 * messages go to members' [Outbox]es, which drop a client rather than wait for it.
 */
class RoomActor(
    val code: RoomCode,
    val gameId: String,
    private val table: GameTable,
    private val settings: RoomSettings,
    private val scope: CoroutineScope,
    private val clock: Clock,
    private val config: ServerConfig,
    private val codec: WireCodec,
    private val metrics: ServerMetrics,
    /** Plays the bots a host adds with `add_bot`; without one, this room refuses them. */
    private val botDriver: BotDriver? = null,
    private val onClosed: suspend (RoomActor) -> Unit,
) {
    private val mailbox = Channel<RoomCommand>(config.roomMailbox)
    private val waiting = AtomicInteger()
    private val members = LinkedHashMap<PlayerId, Member>()
    private val banned = HashSet<PlayerId>()
    private var host: PlayerId? = null
    private var phase = RoomPhase.LOBBY
    private var play: GamePlay? = null
    private var seq = 0L
    private var timer: Job? = null
    private var timerAt: Long? = null
    private var timerGeneration = 0L
    private val graceTimers = HashMap<PlayerId, Job>()
    private var botsAdded = 0
    private val snapshots = RoomSnapshots(code, gameId, table, settings, codec)

    private val _summary = MutableStateFlow(RoomSummary(code, gameId, phase.wire, 0, settings.maxPlayers))

    /** What the lobby lists about this room; published by the actor, read by anyone. */
    val summary: StateFlow<RoomSummary> get() = _summary
    val isPublic: Boolean get() = settings.public

    /** Commands posted and not yet taken by the loop (a metric, read by anyone). */
    val queued: Int get() = waiting.get()

    /** Starts the room's loop with [creator] as its host. */
    fun start(creator: Joiner): Job = scope.launch {
        admit(creator, Role.HOST)
        try {
            for (command in mailbox) {
                waiting.decrementAndGet()
                try {
                    handle(command)
                } catch (e: CancellationException) {
                    throw e
                } catch (e: Exception) {
                    log.error("room {}: {} failed", code, command::class.simpleName, e)
                    failed(command)
                }
                if (members.values.all { it.serverBot }) break // bots alone do not keep a room open
            }
        } finally {
            close()
        }
    }

    suspend fun join(joiner: Joiner, role: Role): Boolean = ask { RoomCommand.Join(joiner, role, it) }

    suspend fun reattach(player: PlayerId, outbox: Outbox): Boolean = ask { RoomCommand.Reattach(player, outbox, it) }

    suspend fun leave(player: PlayerId, re: JsonElement?): Boolean = ask { RoomCommand.Leave(player, re, it) }

    suspend fun detach(player: PlayerId, outbox: Outbox) {
        post(RoomCommand.Detach(player, outbox))
    }

    /** Hands an in-room message to the room; false when the room has closed. */
    suspend fun submit(player: PlayerId, message: ClientMessage, re: JsonElement?, receivedAt: Long): Boolean =
        post(RoomCommand.FromMember(player, message, re, receivedAt))

    private suspend fun post(command: RoomCommand): Boolean = try {
        waiting.incrementAndGet()
        mailbox.send(command)
        true
    } catch (_: ClosedSendChannelException) {
        waiting.decrementAndGet()
        false
    }

    private suspend fun ask(build: (CompletableDeferred<Boolean>) -> RoomCommand): Boolean {
        val reply = CompletableDeferred<Boolean>()
        return post(build(reply)) && reply.await()
    }

    private fun handle(command: RoomCommand) {
        when (command) {
            is RoomCommand.Join -> command.reply.complete(admit(command.joiner, command.role))
            is RoomCommand.Reattach -> command.reply.complete(reattach(command))
            is RoomCommand.Detach -> detach(command)
            is RoomCommand.Leave -> command.reply.complete(leave(command))
            is RoomCommand.FromMember -> {
                fromMember(command)
                metrics.handled(clock.now() - command.receivedAt)
            }
            is RoomCommand.Tick -> if (command.generation == timerGeneration) {
                timerAt = null
                step(GameInput.Tick, null)
            }
            is RoomCommand.GraceOver -> {
                val member = members[command.player]
                if (member != null && !member.connected && member.epoch == command.epoch) remove(member, "timeout")
            }
        }
    }

    private fun admit(joiner: Joiner, role: Role): Boolean {
        val outbox = joiner.outbox
        members[joiner.player]?.let { existing ->
            reconnect(existing, outbox, joiner.re)
            return true
        }
        val refusal = refusal(joiner.player, joiner.bot, role) ?: enter(Member(joiner.player, joiner.name, joiner.bot, role, outbox), joiner.re)
        if (refusal != null) {
            outbox.offer(codec.encode(ErrorMessage(refusal), re = joiner.re))
            return false
        }
        publish()
        return true
    }

    /** Why [player] may not join as [role] now, or null if it may. */
    private fun refusal(player: PlayerId, bot: Boolean, role: Role): Rejection? = when {
        player in banned -> Rejection(ErrorCode.BANNED, "the host removed you from this room")
        bot && !settings.bots -> Rejection(ErrorCode.BOTS_NOT_ALLOWED, "this room does not admit bots")
        role == Role.PLAYER && members.values.count { table.plays(it.role) } >= settings.maxPlayers ->
            Rejection(ErrorCode.ROOM_FULL, "the room is full (${settings.maxPlayers} players)")
        role == Role.SPECTATOR && members.values.count { it.role == Role.SPECTATOR } >= config.maxSpectators ->
            Rejection(ErrorCode.ROOM_FULL, "the room has no more seats for spectators")
        phase == RoomPhase.FINISHED && role == Role.PLAYER -> Rejection(ErrorCode.WRONG_STATE, "this game is over; join as a spectator")
        else -> null
    }

    /** Seats [member], in the running game too if it plays; the game's rejection (nothing changed) if it refuses a late joiner. */
    private fun enter(member: Member, re: JsonElement?): Rejection? {
        val current = play
        if (current == null || !table.plays(member.role)) {
            seat(member, re)
            return null
        }
        return when (val step = current.decide(GameInput.Joined(Seat(member.player, member.name)), clock.now())) {
            is Step.Rejected -> step.rejection
            is Step.Next -> {
                play = step.play // the joiner's snapshot already shows them seated in the game
                seat(member, re)
                apply(step, null)
                null
            }
        }
    }

    /** Adds [member]: its snapshot first, then everyone else hears of it. */
    private fun seat(member: Member, re: JsonElement?) {
        members[member.player] = member
        if (member.role == Role.HOST) host = member.player
        member.outbox?.offer(snapshots.of(member, members.values, host, phase, play, seq + 1, re))
        broadcast(PlayerJoined(snapshots.view(member, play)), except = member.player)
    }

    private fun reattach(command: RoomCommand.Reattach): Boolean {
        val member = members[command.player] ?: return false
        reconnect(member, command.outbox, null)
        return true
    }

    /** Gives [member] its new connection and a full snapshot; tells the room if it was away. */
    private fun reconnect(member: Member, outbox: Outbox, re: JsonElement?) {
        val wasAway = !member.connected
        member.outbox = outbox
        member.epoch++
        graceTimers.remove(member.player)?.cancel()
        outbox.offer(snapshots.of(member, members.values, host, phase, play, if (wasAway) seq + 1 else seq, re))
        if (wasAway) {
            broadcast(PlayerStatus(member.player, true), except = member.player)
            game(GameInput.Presence(member.player, true))
        }
    }

    private fun detach(command: RoomCommand.Detach) {
        val member = members[command.player] ?: return
        if (member.outbox !== command.outbox) return
        member.outbox = null
        val epoch = ++member.epoch
        broadcast(PlayerStatus(member.player, false))
        game(GameInput.Presence(member.player, false))
        graceTimers[member.player] = scope.launch {
            delay(config.graceMillis)
            post(RoomCommand.GraceOver(member.player, epoch))
        }
    }

    private fun leave(command: RoomCommand.Leave): Boolean {
        val member = members[command.player] ?: return false
        member.outbox?.offer(codec.encode(Left(code), re = command.re))
        remove(member, "left")
        return true
    }

    private fun remove(member: Member, reason: String) {
        members.remove(member.player)
        graceTimers.remove(member.player)?.cancel()
        game(GameInput.Gone(member.player)) // also a promoted host who played: the game knows its own seats
        broadcast(PlayerLeft(member.player, reason))
        if (member.player == host) {
            val next = nextHost()
            host = next?.player
            if (next != null) {
                next.role = Role.HOST
                broadcast(HostChanged(next.player))
            }
        }
        publish()
    }

    /** Who hosts after the host: a person if any (a player first), else a remote bot; never a bot the server runs. */
    private fun nextHost(): Member? {
        val candidates = members.values.filter { !it.serverBot }
        return candidates.firstOrNull { !it.bot && it.role != Role.SPECTATOR } ?: candidates.firstOrNull { !it.bot }
            ?: candidates.firstOrNull { it.role != Role.SPECTATOR } ?: candidates.firstOrNull()
    }

    private fun fromMember(command: RoomCommand.FromMember) {
        val member = members[command.player]
        if (member == null) {
            reply(command, Rejection(ErrorCode.NOT_IN_ROOM, "you are not in room $code"))
            return
        }
        val message = command.message
        val hostOnly = message is C.Start || message is C.Kick || message is C.Pause || message is C.Resume ||
            message is C.Skip || message is C.End || message is C.AddBot || message is C.RemoveBot
        if (hostOnly && member.player != host) {
            reply(command, Rejection(ErrorCode.NOT_HOST, "only the host can do that"))
            return
        }
        when (message) {
            is C.Chat -> chat(member, message, command)
            is C.Kick -> kick(message, command)
            is C.AddBot -> addBot(message, command)
            is C.RemoveBot -> removeBot(message, command)
            is C.Start -> startGame(command)
            is C.Pause -> inGame(GameInput.Pause, command)
            is C.Resume -> inGame(GameInput.Resume, command)
            is C.Skip -> inGame(GameInput.Skip, command)
            is C.End -> inGame(GameInput.End, command)
            is GameMove -> inGame(GameInput.Move(member.player, message, command.receivedAt), command)
            else -> reply(command, Rejection(ErrorCode.BAD_REQUEST, "not a room message"))
        }
    }

    private fun chat(member: Member, message: C.Chat, command: RoomCommand.FromMember) {
        val text = message.text.trim()
        if (text.isEmpty() || text.length > Limits.MAX_CHAT_CHARS) {
            reply(command, Rejection(ErrorCode.BAD_REQUEST, "chat text must be 1..${Limits.MAX_CHAT_CHARS} characters"))
            return
        }
        broadcast(ChatLine(member.player, member.name, text))
    }

    private fun kick(message: C.Kick, command: RoomCommand.FromMember) {
        val target = members[PlayerId(message.player)]
        when {
            target == null -> reply(command, Rejection(ErrorCode.BAD_REQUEST, "no player '${message.player.take(40)}' in this room"))
            target.player == host -> reply(command, Rejection(ErrorCode.BAD_REQUEST, "the host cannot kick themselves; leave instead"))
            else -> {
                banned += target.player
                target.outbox?.close(Goodbye(Goodbye.KICKED, "the host removed you from room $code"))
                remove(target, "kicked")
            }
        }
    }

    /** Seats a bot that the server runs, or refuses (changing nothing) as it would refuse a person, and more. */
    private fun addBot(message: C.AddBot, command: RoomCommand.FromMember) {
        if (!settings.bots) return reply(command, Rejection(ErrorCode.BOTS_NOT_ALLOWED, "this room does not admit bots"))
        val driver = botDriver ?: return reply(command, Rejection(ErrorCode.BOTS_NOT_ALLOWED, "this server runs no bots of its own"))
        val number = botsAdded + 1
        val name = (if (message.name == null) "Bot $number" else PlayerNames.clean(message.name))
            ?: return reply(command, Rejection(ErrorCode.BAD_NAME, PlayerNames.RULE))
        val skill = message.skill ?: DEFAULT_BOT_SKILL
        val player = PlayerId("p_bot-${code.value.lowercase()}-$number") // never a session's id: those have no '-'
        val refusal = when {
            skill !in 0.0..1.0 -> Rejection(ErrorCode.BAD_REQUEST, "'skill' is a number from 0 to 1")
            phase == RoomPhase.FINISHED -> Rejection(ErrorCode.WRONG_STATE, "the game is over")
            members.values.count { it.serverBot } >= config.maxBotsPerRoom ->
                Rejection(ErrorCode.ROOM_FULL, "a room holds at most ${config.maxBotsPerRoom} bots of the server's")
            else -> refusal(player, bot = true, Role.PLAYER)
        }
        if (refusal != null) return reply(command, refusal)
        val bot = ServerBot(player, name, skill, config.outboxCapacity, this, codec, clock)
        enter(Member(player, name, bot = true, Role.PLAYER, bot, serverBot = true), null)?.let { return reply(command, it) }
        botsAdded = number
        publish()
        scope.launch { play(bot, driver) }
    }

    /** Runs [bot] until it ends; one that stops on its own (it fell behind, or failed) leaves the room. */
    private suspend fun play(bot: ServerBot, driver: BotDriver) {
        try {
            driver.play(bot)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.error("room {}: bot {} failed", code, bot.player, e)
        }
        leave(bot.player, null)
    }

    private fun removeBot(message: C.RemoveBot, command: RoomCommand.FromMember) {
        val target = members[PlayerId(message.player)]?.takeIf { it.serverBot }
            ?: return reply(command, Rejection(ErrorCode.BAD_REQUEST, "'${message.player.take(40)}' is not a bot the server runs in this room"))
        target.outbox?.close(Goodbye(Goodbye.KICKED, "the host removed this bot"))
        remove(target, "removed")
    }

    private fun startGame(command: RoomCommand.FromMember) {
        if (phase != RoomPhase.LOBBY) {
            reply(command, Rejection(ErrorCode.WRONG_STATE, "the game has already started"))
            return
        }
        val seats = members.values.filter { table.plays(it.role) }.map { Seat(it.player, it.name, it.connected) }
        when (val step = table.start(seats, clock.now())) {
            is Step.Rejected -> reply(command, step.rejection)
            is Step.Next -> {
                phase = RoomPhase.PLAYING
                apply(step, command)
            }
        }
    }

    private fun inGame(input: GameInput, command: RoomCommand.FromMember) {
        if (phase != RoomPhase.PLAYING) {
            val why = if (phase == RoomPhase.LOBBY) "the game has not started" else "the game is over"
            reply(command, Rejection(ErrorCode.WRONG_STATE, why))
            return
        }
        step(input, command)
    }

    /** Feeds [input] to the running game, if any; a rejection goes back to the requester. */
    private fun step(input: GameInput, command: RoomCommand.FromMember?) {
        val current = play ?: return
        when (val step = current.decide(input, clock.now())) {
            is Step.Rejected -> if (command != null) reply(command, step.rejection)
            is Step.Next -> apply(step, command)
        }
    }

    /** An input that only the room causes (presence, departures); nothing to reply. */
    private fun game(input: GameInput) {
        if (phase == RoomPhase.PLAYING) step(input, null)
    }

    private fun apply(step: Step.Next, command: RoomCommand.FromMember?) {
        play = step.play
        for (emit in step.emits) {
            when (val to = emit.to) {
                Audience.Everyone -> broadcast(emit.message)
                is Audience.Only -> members[to.player]?.outbox?.offer(codec.encode(emit.message, seq = ++seq))
                is Audience.Others -> {
                    val text = codec.encode(emit.message, seq = ++seq)
                    for (member in members.values) if (member.player !in to.except) member.outbox?.offer(text)
                }
                Audience.Requester -> if (command != null) {
                    members[command.player]?.outbox?.offer(codec.encode(emit.message, re = command.re))
                }
            }
        }
        if (step.play.isOver && phase == RoomPhase.PLAYING) phase = RoomPhase.FINISHED
        rearm()
        publish()
    }

    /** Keeps one timer armed for the game's next wake-up; it arrives as a [RoomCommand.Tick]. */
    private fun rearm() {
        val wake = if (phase == RoomPhase.PLAYING) play?.wakeAt else null
        if (wake == timerAt) return
        timer?.cancel()
        timerAt = wake
        if (wake == null) return
        val generation = ++timerGeneration
        timer = scope.launch {
            delay(wake - clock.now())
            post(RoomCommand.Tick(generation))
        }
    }

    private fun broadcast(message: ServerMessage, except: PlayerId? = null) {
        val text = codec.encode(message, seq = ++seq)
        for (member in members.values) if (member.player != except) member.outbox?.offer(text)
    }

    private fun reply(command: RoomCommand.FromMember, rejection: Rejection) {
        members[command.player]?.outbox?.offer(codec.encode(ErrorMessage(rejection), re = command.re))
            ?: log.debug("room {}: reply to departed {}", code, command.player)
    }

    private fun publish() {
        _summary.value = RoomSummary(code, gameId, phase.wire, members.values.count { table.plays(it.role) }, settings.maxPlayers)
    }

    /** Answers a command whose handling threw, so no caller waits forever. */
    private fun failed(command: RoomCommand) {
        when (command) {
            is RoomCommand.Join -> command.reply.complete(false)
            is RoomCommand.Reattach -> command.reply.complete(false)
            is RoomCommand.Leave -> command.reply.complete(false)
            is RoomCommand.FromMember -> reply(command, Rejection(ErrorCode.INTERNAL, "the server failed on that message"))
            else -> Unit
        }
    }

    private suspend fun close() {
        mailbox.close()
        timer?.cancel()
        graceTimers.values.forEach { it.cancel() }
        for (member in members.values) if (member.serverBot) member.outbox?.close(Goodbye(Goodbye.SHUTDOWN, "room $code has closed"))
        while (true) {
            val command = mailbox.tryReceive().getOrNull() ?: break
            when (command) {
                is RoomCommand.Join -> {
                    command.joiner.outbox.offer(codec.encode(ErrorMessage(ErrorCode.ROOM_NOT_FOUND.wire, "room $code has closed"), re = command.joiner.re))
                    command.reply.complete(false)
                }
                is RoomCommand.Reattach -> command.reply.complete(false)
                is RoomCommand.Leave -> command.reply.complete(false)
                else -> Unit
            }
        }
        kotlinx.coroutines.withContext(kotlinx.coroutines.NonCancellable) { onClosed(this@RoomActor) }
    }

    private companion object {
        val log = LoggerFactory.getLogger(RoomActor::class.java)

        /** The skill of a bot added without one: as the `bot` command's default. */
        const val DEFAULT_BOT_SKILL = 0.7
    }
}
