import dev.partyline.client.JavaPartylineClient;
import dev.partyline.client.MessageListener;
import dev.partyline.client.Received;
import dev.partyline.shared.game.quiz.Answer;
import dev.partyline.shared.game.quiz.QuestionView;
import dev.partyline.shared.protocol.CoreClientMessages;
import dev.partyline.shared.protocol.ErrorMessage;
import dev.partyline.shared.protocol.GameOver;
import dev.partyline.shared.protocol.Standing;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** `java MinimalQuizBot HOST PORT ROOM`: joins a quiz as a bot, answers every question at random, prints the standings. */
public final class MinimalQuizBot implements MessageListener {
    private final CompletableFuture<GameOver> gameOver = new CompletableFuture<>();
    private volatile JavaPartylineClient client;

    public static void main(String[] args) throws Exception {
        MinimalQuizBot bot = new MinimalQuizBot();
        try (JavaPartylineClient client = JavaPartylineClient.tcp(args[0], Integer.parseInt(args[1]), bot).get()) {
            bot.client = client;
            client.hello("java-bot", true).get();
            Received joined = client.request(new CoreClientMessages.Join(args[2], "player")).get();
            if (joined.getMessage() instanceof ErrorMessage error) {
                throw new IllegalStateException("join refused: " + error.getCode());
            }
            for (Standing standing : bot.gameOver.get(10, TimeUnit.MINUTES).getLeaderboard()) {
                System.out.println(standing.getRank() + ". " + standing.getName() + " " + standing.getScore());
            }
        }
    }

    @Override
    public void onMessage(Received received) {
        if (received.getMessage() instanceof QuestionView question) {
            client.send(answer(question));
        } else if (received.getMessage() instanceof GameOver over) {
            gameOver.complete(over);
        }
    }

    @Override
    public void onEnd(String reason) {
        gameOver.completeExceptionally(new IllegalStateException("the connection ended: " + reason));
    }

    /** A guess: the server never sends the answer before the reveal. */
    private static Answer answer(QuestionView question) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int choices = question.getChoices() == null ? 0 : question.getChoices().size();
        return switch (question.getKind()) {
            case MULTI -> new Answer(question.getIndex(), null, List.of(random.nextInt(choices)), null);
            case TYPED -> new Answer(question.getIndex(), null, null, question.getText().split(" ")[0]);
            default -> new Answer(question.getIndex(), random.nextInt(choices), null, null);
        };
    }
}
