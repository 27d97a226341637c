package dev.partyline.server.e2e

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContainIgnoringCase

/**
 * A host's inline questions with a mistake get a `bad_request` a person can act on: it names
 * the question (counted from 1), the field, what was expected and what came, and never leaks
 * a class name or a JSON path. Each is refused over TCP, and no room is made.
 */
class QuestionErrorsSpec : FunSpec({
    test("30 malformed questions: each error names the question, the field and what was expected, in plain words") {
        val server = startTestServer()
        val host = TestClient.tcp(server.tcpPort, "host")
        try {
            host.hello("host")
            for ((i, case) in CASES.withIndex()) {
                val questions = "[$GOOD,${case.question}]"
                host.send("""{"type":"create","game":"quiz","id":$i,"options":{"questions":$questions}}""")
                val error = host.expect("error")
                val message = error.str("message")
                withClue("case $i ${case.question}: $message") {
                    error.str("code") shouldBe "bad_request"
                    error.str("re") shouldBe "$i"
                    message shouldContain "question 2"
                    case.field?.let { message shouldContain "'$it'" }
                    message shouldContain case.expected
                    for (internal in INTERNALS) message shouldNotContainIgnoringCase internal
                }
            }
            server.rooms.count() shouldBe 0
            host.send("""{"type":"create","game":"quiz","options":{"questions":[$GOOD]}}""")
            host.expect("room") // the same client, with sound questions, gets its room
        } finally {
            host.close()
            server.stop()
        }
    }
})

/** A malformed [question], the [field] its error must name (null: the question as a whole) and words of what was [expected]. */
private class Case(val question: String, val field: String?, val expected: String)

private const val GOOD = """{"kind":"single","text":"Pick b","choices":["a","b"],"answer":[1]}"""

private val CASES = listOf(
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answr":[1]}""", "answr", "did you mean 'answer'"),
    Case("""{"kind":"single","text":"Q","choice":["a","b"],"answer":[1]}""", "choice", "did you mean 'choices'"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":[1],"time":10}""", "time", "did you mean 'seconds'"),
    Case("""{"kind":"singel","text":"Q","choices":["a","b"],"answer":[1]}""", "kind", "must be one of single, multi, truefalse, typed"),
    Case("""{"text":"Q","choices":["a","b"],"answer":[1]}""", "kind", "must be one of"),
    Case("""{"kind":3,"text":"Q","choices":["a","b"],"answer":[1]}""", "kind", "got 3"),
    Case("""{"kind":"single","choices":["a","b"],"answer":[1]}""", "text", "must be the question as a text"),
    Case("""{"kind":"single","text":"   ","choices":["a","b"],"answer":[1]}""", "text", "1 to 500 characters"),
    Case("""{"kind":"single","text":["Q"],"choices":["a","b"],"answer":[1]}""", "text", "got a list of 1"),
    Case("""{"kind":"single","text":"${"x".repeat(501)}","choices":["a","b"],"answer":[1]}""", "text", "got 501"),
    Case("""{"kind":"single","text":"Q\u0007","choices":["a","b"],"answer":[1]}""", "text", "must be plain text"),
    Case("""{"kind":"single","text":"Q","choices":"a,b","answer":[1]}""", "choices", "must be a list of 2 to 6 texts"),
    Case("""{"kind":"single","text":"Q","choices":["a"],"answer":[0]}""", "choices", "got a list of 1"),
    Case("""{"kind":"single","text":"Q","choices":["a","b","c","d","e","f","g"],"answer":[0]}""", "choices", "got a list of 7"),
    Case("""{"kind":"single","text":"Q","choices":["a",2],"answer":[0]}""", "choices", "must be a list of 2 to 6 texts"),
    Case("""{"kind":"single","text":"Q","choices":["a"," "],"answer":[0]}""", "choices", "1 to 120 characters"),
    Case("""{"kind":"truefalse","text":"Q","choices":["Yes","No","Maybe"],"answer":[0]}""", "choices", "list of 2 texts"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":1}""", "answer", "such as [0] for the first choice; got 1"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"]}""", "answer", "got nothing"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":[2]}""", "answer", "from 0 to 1 (counted from 0); got 2"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":[-1]}""", "answer", "from 0 to 1"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":["b"]}""", "answer", "got \"b\""),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":[0,1]}""", "answer", "exactly one choice number"),
    Case("""{"kind":"multi","text":"Q","choices":["a","b","c"],"answer":[1,1]}""", "answer", "must not name a choice twice"),
    Case("""{"kind":"multi","text":"Q","choices":["a","b","c"],"answer":[]}""", "answer", "one or more choice numbers"),
    Case("""{"kind":"typed","text":"Q"}""", "accept", "one or more texts that count as right"),
    Case("""{"kind":"typed","text":"Q","accept":["Paris"],"choices":["a","b"]}""", "choices", "must be left out"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":[1],"accept":["a"]}""", "accept", "only a typed question has 'accept'"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":[1],"seconds":3}""", "seconds", "from 5 to 120"),
    Case("""{"kind":"single","text":"Q","choices":["a","b"],"answer":[1],"points":500}""", "points", "must be one of 0, 1000, 2000; got 500"),
    Case(""""what is 2+2?"""", null, "must be an object"),
)

/** Words that give away the server's insides rather than the host's mistake. */
private val INTERNALS = listOf("dev.partyline", "kotlinx", "JsonArray", "JsonLiteral", "JsonPrimitive", "at path", "\$.", "Exception", "element with name", "serializ")
