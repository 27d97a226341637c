package dev.partyline.server.room

import dev.partyline.server.base.TokenBucket
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GameMove
import dev.partyline.shared.protocol.ChatLine
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.RoomCode

/**
 * What members send once in a room: chat, the host's controls, game moves. Checks that the sender
 * is a member, and the host where only the host may, then hands each message to the part of the
 * room it is for; refusals go back to the sender. Part of a [RoomActor], used only from its loop.
 */
internal class MemberMessages(
    private val code: RoomCode,
    private val members: RoomMembers,
    private val seating: RoomSeating,
    private val game: RoomGame,
    private val bots: RoomBots,
    private val presence: RoomPresence,
) {
    /** A big room's chat lines, all members together: each goes to everyone, so their rate is the room's, not each member's. */
    private var crowdChat: TokenBucket? = null

    fun handle(command: RoomCommand.FromMember) {
        val member = members[command.player]
            ?: return members.reject(command, Rejection(ErrorCode.NOT_IN_ROOM, "you are not in room $code"))
        val message = command.message
        val hostOnly = message is C.Start || message is C.Kick || message is C.Pause || message is C.Resume ||
            message is C.Skip || message is C.End || message is C.AddBot || message is C.RemoveBot
        if (hostOnly && member.player != members.host) return members.reject(command, Rejection(ErrorCode.NOT_HOST, "only the host can do that"))
        when (message) {
            is C.Chat -> chat(member, message, command)
            is C.Kick -> kick(message, command)
            is C.AddBot -> bots.add(message, command)
            is C.RemoveBot -> bots.remove(message, command)
            is C.Start -> game.start(command)
            is C.Pause -> game.request(GameInput.Pause, command)
            is C.Resume -> game.request(GameInput.Resume, command)
            is C.Skip -> game.request(GameInput.Skip, command)
            is C.End -> game.request(GameInput.End, command)
            is GameMove -> game.request(GameInput.Move(member.player, message, command.receivedAt), command)
            else -> members.reject(command, Rejection(ErrorCode.BAD_REQUEST, "not a room message"))
        }
    }

    private fun chat(member: Member, message: C.Chat, command: RoomCommand.FromMember) {
        // The codec already refuses such lines from the wire; the rule is the message's own, whoever sends it.
        message.problem()?.let { return members.reject(command, Rejection(ErrorCode.BAD_REQUEST, it)) }
        if (presence.isBig() && !crowdChatTakes(command.receivedAt)) {
            return members.reject(command, Rejection(ErrorCode.RATE_LIMITED, "the chat of a room this big takes ${Crowd.CHAT_PER_SECOND} lines a second from everyone together; try again in a moment"))
        }
        members.broadcast(ChatLine(member.player, member.name, message.text.trim()))
    }

    private fun crowdChatTakes(now: Long): Boolean =
        (crowdChat ?: TokenBucket(Crowd.CHAT_PER_SECOND.toDouble(), Crowd.CHAT_BURST, now).also { crowdChat = it }).tryTake(now)

    private fun kick(message: C.Kick, command: RoomCommand.FromMember) {
        val target = members[PlayerId(message.player)]
        when {
            target == null -> members.reject(command, Rejection(ErrorCode.BAD_REQUEST, "no player '${message.player.take(40)}' in this room"))
            target.player == members.host ->
                members.reject(command, Rejection(ErrorCode.BAD_REQUEST, "the host cannot kick themselves; leave instead"))
            else -> seating.kick(target)
        }
    }
}
