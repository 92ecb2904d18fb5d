using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Import;

public sealed partial class DatasetValidator
{
    private void ValidateConcern(string record, ConcernRecord concern)
    {
        RequireKey(record, "key", concern.Key);
        Require(record, "titleEn", concern.TitleEn);
        CheckEnum<Party>(record, "raisedBy", concern.RaisedBy, required: true);
        CheckEnum<Party>(record, "addressedTo", concern.AddressedTo, required: true);
        CheckTopics(record, concern.Topics);
        ValidateCitations(record, concern.Citations);
        CheckUnique($"{record}.mentions", concern.Mentions.Select(m => m.Key));

        var mentionKeys = concern.Mentions.Select(m => m.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < concern.Mentions.Count; i++)
        {
            ValidateMention($"{record}.mentions[{i}] ({concern.Mentions[i].Key})", concern.Mentions[i], mentionKeys);
        }

        CheckResponseCycles(record, concern.Mentions);
        for (var i = 0; i < concern.StatusHistory.Count; i++)
        {
            var status = concern.StatusHistory[i];
            var statusRecord = $"{record}.statusHistory[{i}]";
            CheckEnum<ConcernStatus>(statusRecord, "status", status.Status, required: true);
            CheckDate(statusRecord, "date", status.Date);
            ValidateCitations(statusRecord, status.Citations);
        }
    }

    private void ValidateMention(string record, MentionRecord mention, HashSet<string> mentionKeys)
    {
        RequireKey(record, "key", mention.Key);
        CheckEnum<MentionKind>(record, "kind", mention.Kind, required: true);
        CheckEnum<Party>(record, "party", mention.Party, required: true);
        CheckDate(record, "date", mention.Date);
        if (mention.Language is not null && !Keys.IsLanguageTag(mention.Language))
        {
            Add(record, "language", $"'{mention.Language}' is not a BCP 47 language tag such as en, vi or fr");
        }

        if (new[] { mention.Round, mention.Statement, mention.Report }.Count(link => link is not null) > 1)
        {
            Add(record, "round", "a mention comes up in one place: a round, a statement or a report, not several");
        }

        if (mention.Round is not null && !_roundKeys.Contains(mention.Round))
        {
            Add(record, "round", $"unknown round '{mention.Round}'");
        }

        if (mention.Statement is not null && !_statementKeys.Contains(mention.Statement))
        {
            Add(record, "statement", $"unknown statement '{mention.Statement}'");
        }

        if (mention.Report is not null && !_sourceKeys.Contains(mention.Report))
        {
            Add(record, "report", $"unknown source '{mention.Report}'");
        }

        if (mention.RespondsTo is not null && (!mentionKeys.Contains(mention.RespondsTo) || mention.RespondsTo == mention.Key))
        {
            Add(record, "respondsTo", $"no other mention of this concern has the key '{mention.RespondsTo}'");
        }

        ValidateCitations(record, mention.Citations);
    }

    private void CheckResponseCycles(string record, List<MentionRecord> mentions)
    {
        var answers = mentions.Where(m => m.Key is not null).GroupBy(m => m.Key!).ToDictionary(g => g.Key, g => g.First().RespondsTo);
        foreach (var key in answers.Keys)
        {
            var seen = new HashSet<string> { key };
            for (var next = answers[key]; next is not null; next = answers.GetValueOrDefault(next))
            {
                if (!seen.Add(next))
                {
                    Add($"{record}.mentions ({key})", "respondsTo", "mentions answer one another in a circle");
                    break;
                }
            }
        }
    }
}
