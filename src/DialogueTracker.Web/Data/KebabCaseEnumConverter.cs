using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DialogueTracker.Web.Data;

/// <summary>Stores an enum as the same kebab-case name the API uses (<c>viet-nam</c>), not as a number.</summary>
public sealed class KebabCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => EnumNames.ToName(value),
    name => EnumNames.Parse<TEnum>(name))
    where TEnum : struct, Enum;
