using System.Reflection;
using Microsoft.OpenApi;

namespace DialogueTracker.Web.Api;

public static class OpenApiSetup
{
    /// <summary>
    /// Serves the document with the server it was fetched from, so generated clients know where to call. Both
    /// middlewares match every request's path against their templates, so they run only under /swagger.
    /// </summary>
    public static IApplicationBuilder UseDialogueOpenApi(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger => swagger
            .UseSwagger(options => options.PreSerializeFilters.Add((document, request) =>
                document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host.Value}{request.PathBase}" }]))
            .UseSwaggerUI(options => options.DocumentTitle = "DialogueTracker API"));

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
                Contact = new OpenApiContact { Name = "DialogueTracker" },
            });
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml"), includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            options.AddSecurityDefinition(BearerOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token from your account page (/account), sent as 'Authorization: Bearer dt_...'. Only writes need one.",
            });
            options.OperationFilter<BearerOperationFilter>();
        });
}
