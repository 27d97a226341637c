package dev.partyline.shared.protocol

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe

/** Splitting a TCP byte stream into UTF-8 lines with a byte limit. */
class LineFramerSpec : FunSpec({
    fun LineFramer.feed(bytes: ByteArray) = feed(bytes, bytes.size)
    fun LineFramer.feed(text: String) = feed(text.toByteArray(Charsets.UTF_8))
    fun bytes(vararg b: Int) = ByteArray(b.size) { b[it].toByte() }
    fun text(s: String) = Inbound.Text(s)

    test("a line of exactly maxBytes bytes is accepted") {
        LineFramer(8).feed("abcdefgh\n") shouldContainExactly listOf(text("abcdefgh"))
    }

    test("a line of maxBytes + 1 bytes is TooLarge") {
        LineFramer(8).feed("abcdefghi\n") shouldContainExactly listOf(Inbound.TooLarge)
    }

    test("the limit counts UTF-8 bytes, not characters: two-byte é") {
        "é".toByteArray(Charsets.UTF_8).size shouldBe 2
        LineFramer(8).feed("ééé" + "ab\n") shouldContainExactly listOf(text("éééab"))
        LineFramer(8).feed("éééé" + "a\n") shouldContainExactly listOf(Inbound.TooLarge)
        LineFramer(8).feed("ééééé\n") shouldContainExactly listOf(Inbound.TooLarge)
    }

    test("the limit counts UTF-8 bytes, not characters: three-byte €, also when the limit falls inside one") {
        "€".toByteArray(Charsets.UTF_8).size shouldBe 3
        LineFramer(8).feed("€€ab\n") shouldContainExactly listOf(text("€€ab"))
        LineFramer(8).feed("€€abc\n") shouldContainExactly listOf(Inbound.TooLarge)
        LineFramer(8).feed("ab€€€\n") shouldContainExactly listOf(Inbound.TooLarge) // the third € ends at byte 11
        LineFramer(8).feed("abcdefg€\n") shouldContainExactly listOf(Inbound.TooLarge) // € spans bytes 8 to 10
    }

    test("the limit counts UTF-8 bytes, not characters: four-byte 😀") {
        "😀".toByteArray(Charsets.UTF_8).size shouldBe 4
        LineFramer(8).feed("😀😀\n") shouldContainExactly listOf(text("😀😀"))
        LineFramer(8).feed("😀😀a\n") shouldContainExactly listOf(Inbound.TooLarge)
        LineFramer(8).feed("a😀😀\n") shouldContainExactly listOf(Inbound.TooLarge)
    }

    test("CRLF is accepted, the \\r is stripped, and it does not count against the limit") {
        LineFramer(8).feed("abc\r\n") shouldContainExactly listOf(text("abc"))
        LineFramer(8).feed("abcdefgh\r\n") shouldContainExactly listOf(text("abcdefgh"))
        LineFramer(8).feed("abcdefghi\r\n") shouldContainExactly listOf(Inbound.TooLarge)
    }

    test("only the last \\r before the newline is stripped") {
        LineFramer(8).feed("a\rb\r\r\n") shouldContainExactly listOf(text("a\rb\r"))
    }

    test("a line split across chunks comes out whole, even inside a character or a CRLF") {
        val framer = LineFramer(64)
        val whole = "{\"type\":\"chat\",\"text\":\"é😀\"}\r\n".toByteArray(Charsets.UTF_8)
        val out = whole.indices.flatMap { framer.feed(byteArrayOf(whole[it])) }
        out shouldContainExactly listOf(text("{\"type\":\"chat\",\"text\":\"é😀\"}"))
        framer.feed("{\"ty").shouldBeEmpty()
        framer.feed("pe\":1}").shouldBeEmpty()
        framer.feed("\n") shouldContainExactly listOf(text("{\"type\":1}"))
    }

    test("several lines in one chunk come out in order, and a trailing partial line waits") {
        val framer = LineFramer(16)
        framer.feed("one\ntwo\r\nthree\nfo") shouldContainExactly listOf(text("one"), text("two"), text("three"))
        framer.feed("ur\n") shouldContainExactly listOf(text("four"))
    }

    test("blank lines are skipped") {
        LineFramer(16).feed("\n\r\n\nx\n\n") shouldContainExactly listOf(text("x"))
    }

    test("only the first count bytes of the buffer are read") {
        val buffer = "ab\ncd\nef\n".toByteArray()
        LineFramer(16).feed(buffer, 6) shouldContainExactly listOf(text("ab"), text("cd"))
    }

    test("invalid UTF-8 yields BadUtf8 and the next line still works") {
        val framer = LineFramer(16)
        framer.feed(bytes(0xC3, 0x28, '\n'.code) + "ok\n".toByteArray()) shouldContainExactly listOf(Inbound.BadUtf8, text("ok"))
        framer.feed(bytes(0xFF, '\n'.code)) shouldContainExactly listOf(Inbound.BadUtf8)
        framer.feed(bytes('a'.code, 0xE2, 0x82, '\n'.code)) shouldContainExactly listOf(Inbound.BadUtf8) // truncated € at the end
        framer.feed(bytes(0xC0, 0x80, '\n'.code)) shouldContainExactly listOf(Inbound.BadUtf8) // overlong NUL
        framer.feed(bytes(0xED, 0xA0, 0x80, '\n'.code)) shouldContainExactly listOf(Inbound.BadUtf8) // a lone surrogate
        framer.feed("still fine\n") shouldContainExactly listOf(text("still fine"))
    }

    test("lines before a TooLarge one in the same chunk are still yielded") {
        LineFramer(4).feed("ok\ntoo long\nlater\n") shouldContainExactly listOf(text("ok"), Inbound.TooLarge)
    }

    test("after TooLarge nothing more is yielded") {
        val framer = LineFramer(4)
        framer.feed("abcde\nok\n") shouldContainExactly listOf(Inbound.TooLarge)
        framer.feed("ok\n").shouldBeEmpty()
        framer.feed("\n").shouldBeEmpty()
    }

    test("a line that outgrows the limit is TooLarge before its newline arrives, so the buffer stays bounded") {
        val framer = LineFramer(4)
        framer.feed("abcde").shouldBeEmpty() // the fifth byte may yet be the \r of a CRLF
        framer.feed("f") shouldContainExactly listOf(Inbound.TooLarge)
        LineFramer(4).feed(ByteArray(1_000_000) { 'x'.code.toByte() }) shouldContainExactly listOf(Inbound.TooLarge)
    }
})
