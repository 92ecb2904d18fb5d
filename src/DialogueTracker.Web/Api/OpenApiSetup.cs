using System.Reflection;
using Microsoft.OpenApi;

namespace DialogueTracker.Web.Api;

public static class OpenApiSetup
{
    public static IServiceCollection AddDialogueOpenApi(this IServiceCollection services) =>
        services.AddEndpointsApiExplorer().AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "DialogueTracker API",
                Version = "v1",
                Description = "The public record of the EU–Viet Nam political and human-rights dialogue: mechanisms, "
                    + "rounds, statements, topics and sources. Dates are EDTF strings (2003, 2020-02, 2020-02-19, "
                    + "2021?-06-24 for an inferred year) with a datePrecision field. Errors are RFC 9457 problem details.",
            });
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml"), includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
        });
}
