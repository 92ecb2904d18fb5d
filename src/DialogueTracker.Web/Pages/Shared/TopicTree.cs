using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Pages.Shared;

public static class TopicTree
{
    /// <summary>Topics in tree order (parents before children, siblings by name), each with its depth.</summary>
    public static IReadOnlyList<(Topic Topic, int Depth)> Flatten(IReadOnlyCollection<Topic> topics)
    {
        var byParent = topics.ToLookup(t => t.ParentId);
        var result = new List<(Topic, int)>();
        void Walk(int? parentId, int depth)
        {
            foreach (var topic in byParent[parentId].OrderBy(t => t.NameEn, StringComparer.Ordinal))
            {
                result.Add((topic, depth));
                Walk(topic.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }
}
