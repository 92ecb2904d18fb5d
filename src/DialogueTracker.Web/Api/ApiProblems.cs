using Microsoft.AspNetCore.Http.HttpResults;

namespace DialogueTracker.Web.Api;

/// <summary>The RFC 9457 problems the API answers with.</summary>
public static class ApiProblems
{
    public static ValidationProblem InvalidQuery(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "One or more query parameters are not valid.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
