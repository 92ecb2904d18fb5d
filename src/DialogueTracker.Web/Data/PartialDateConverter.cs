using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DialogueTracker.Web.Data;

public sealed class PartialDateConverter() : ValueConverter<PartialDate, string>(
    date => date.ToString(),
    text => PartialDate.Parse(text));
