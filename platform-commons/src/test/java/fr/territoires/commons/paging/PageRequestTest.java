package fr.territoires.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToFirstPageOfTwenty() {
        PageRequest request = PageRequest.of(null, null);
        assertEquals(new PageRequest(0, 20), request);
        assertEquals(0, request.offset());
    }

    @Test
    void offsetCountsWholePages() {
        assertEquals(150, PageRequest.of(3, 50).offset());
    }

    @Test
    void namesEveryOutOfRangeParameter() {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(-1, 101));
        assertEquals(400, e.problem().status());
        assertEquals(List.of("page", "size"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void sizeZeroIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(0, 0));
        assertEquals("size", e.problem().errors().get(0).field());
    }

    @Test
    void totalPagesRoundsUp() {
        assertEquals(3, new Page<>(List.of(), 0, 20, 41).totalPages());
        assertEquals(0, new Page<>(List.of(), 0, 20, 0).totalPages());
    }

    @Test
    void parsesRawQueryParameters() {
        assertEquals(new PageRequest(2, 10), PageRequest.parse("2", " 10 "));
        assertEquals(new PageRequest(0, 20), PageRequest.parse(null, ""));
    }

    @Test
    void namesAParameterThatIsNotANumber() {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.parse("1", "ten"));
        assertEquals(List.of(new Problem.FieldError("size", "must be a whole number")), e.problem().errors());
    }

    /** Issue 14: {@code ?page=21474837&size=100} overflowed the offset into a 500. */
    @Test
    void aPageBeyondTheOffsetLimitIsA400NotAnOverflow() {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.parse("21474837", "100"));
        assertEquals(400, e.problem().status());
        assertEquals("page", e.problem().errors().get(0).field());
        assertThrows(ProblemException.class, () -> PageRequest.parse(String.valueOf(Integer.MAX_VALUE), "1"));
        assertThrows(ProblemException.class, () -> PageRequest.parse("99999999999", "1"));
        assertEquals(PageRequest.MAX_OFFSET, PageRequest.of(PageRequest.MAX_OFFSET / 100, 100).offset());
    }
}
