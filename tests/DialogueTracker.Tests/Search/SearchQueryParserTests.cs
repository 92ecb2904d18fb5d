using DialogueTracker.Web.Search;

namespace DialogueTracker.Tests.Search;

public sealed class SearchQueryParserTests
{
    [Theory]
    [InlineData("death penalty", "death penalty")]
    [InlineData("Đối thoại", "Dối thoại")]
    [InlineData("đồng", "dồng")]
    [InlineData("\"tự do tôn giáo\"", "\"tự do tôn giáo\"")]
    [InlineData("quy*", "\"quy\"*")]
    [InlineData("\"tu do\"* ton", "\"tu do\"* ton")]
    [InlineData("EU-Việt", "\"EU Việt\"")]
    [InlineData("doi-thoai", "\"doi thoai\"")]
    [InlineData("\"unbalanced phrase", "unbalanced phrase")]
    [InlineData("death AND penalty OR NOT NEAR(x", "death penalty x")]
    [InlineData("-religion title:rights ^first (a) {b} +c", "religion title rights first a b c")]
    public void Turns_what_people_type_into_terms(string input, string expected) =>
        Assert.Equal(expected, string.Join(' ', SearchQueryParser.Parse(input)));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("AND OR")]
    [InlineData("- : ^ ( ) \" *")]
    public void Leaves_nothing_when_nothing_is_searchable(string? input) =>
        Assert.Empty(SearchQueryParser.Parse(input));

    [Fact]
    public void Very_long_input_is_cut_to_a_bounded_number_of_terms()
    {
        var terms = SearchQueryParser.Parse(string.Join(' ', Enumerable.Repeat("nhân quyền", 5000)));

        Assert.Equal(SearchQueryParser.MaxTerms, terms.Count);
    }

    [Fact]
    public void Decomposed_input_is_read_like_composed_input() =>
        Assert.Equal(
            string.Join(' ', SearchQueryParser.Parse("tự do")),
            string.Join(' ', SearchQueryParser.Parse("tự do".Normalize(System.Text.NormalizationForm.FormD))));

    [Fact]
    public void Fts5_syntax_quotes_every_term() =>
        Assert.Equal("\"dối thoại\" \"quy\"* \"AN\"", SqliteSearchIndex.ToFts5(SearchQueryParser.Parse("\"đối thoại\" quy* AN")));

    [Theory]
    [InlineData("a <b> & \"c\"", "a &lt;b&gt; &amp; &quot;c&quot;")]
    [InlineData("x \u0002<script>\u0003 y", "x <mark>&lt;script&gt;</mark> y")]
    public void Snippets_are_encoded_before_marks_are_added(string snippet, string html) =>
        Assert.Equal(html, SnippetHtml.Render(snippet));
}
