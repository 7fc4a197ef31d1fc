using System.Text.Json;
using ElectionSystem.Browser.Tests.Crypto;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// Pages redraw whenever the hub says something changed. A redraw that takes a focused field out of
/// the page and puts it back loses the focus, so what the member types next goes nowhere: the
/// committee's decryption passphrase was typed into nothing while another member's decryption
/// redrew the panel (CI failure of 2026-11-30). kernel/dom.js's swap redraws keeping the focus and
/// the selection; the plain replaceChildren beside it shows the loss the test guards against.
/// </summary>
public sealed class RedrawFocusBrowserTests(CryptoHall hall) : IClassFixture<CryptoHall>
{
    private const string Redraw = """
        async (keep) => {
          const { el, swap } = await import('/js/kernel/dom.js');
          const host = el('div');
          document.body.append(host);
          const field = el('input', { type: 'password', id: 'typed-' + keep });
          field.value = 'cụm cũ';
          host.append(field);
          field.focus();
          field.select();
          if (keep) swap(host, el('p', {}, 'Đã gửi phần giải mã: 1'), field);
          else host.replaceChildren(el('p', {}, 'Đã gửi phần giải mã: 1'), field);
          return JSON.stringify({ focused: document.activeElement === field, start: field.selectionStart, end: field.selectionEnd });
        }
        """;

    [Fact]
    public async Task A_redraw_keeps_the_focus_and_selection_so_typing_lands_in_the_field()
    {
        await using var page = await hall.OpenAsync();
        var after = JsonDocument.Parse(await page.Page.EvaluateAsync<string>(Redraw, true)).RootElement;
        Assert.True(after.GetProperty("focused").GetBoolean());
        Assert.Equal((0, "cụm cũ".Length), (after.GetProperty("start").GetInt32(), after.GetProperty("end").GetInt32()));

        await page.Page.Keyboard.InsertTextAsync("cụm mới");
        Assert.Equal("cụm mới", await page.Page.InputValueAsync("#typed-true"));
    }

    [Fact]
    public async Task Without_swap_the_same_redraw_loses_what_is_typed_next()
    {
        await using var page = await hall.OpenAsync();
        var after = JsonDocument.Parse(await page.Page.EvaluateAsync<string>(Redraw, false)).RootElement;
        Assert.False(after.GetProperty("focused").GetBoolean());

        await page.Page.Keyboard.InsertTextAsync("cụm mới");
        Assert.Equal("cụm cũ", await page.Page.InputValueAsync("#typed-false"));
    }
}
