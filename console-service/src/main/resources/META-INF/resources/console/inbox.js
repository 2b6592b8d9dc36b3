/*
 * The inbox's script (served as is, no build step). Two jobs:
 * 1. The reply box counts characters and SMS as one types: GSM-7 (160 to a message, 153 to each part of a longer
 *    one; ^ { } \ [ ~ ] | and the euro sign take two places) or, with any other character, UCS-2 (70, 67). The
 *    server counts the same way (SmsSegments) and refuses more than 459 characters.
 * 2. The live inbox: /inbox/events says which reply is new or changed and how many are open; a new or changed open
 *    reply's card is fetched (/inbox/{id}/card, an audited read) and put in its place, urgent ones first; a handled
 *    one leaves the open list; the title and the urgent banner follow the counts.
 * Every word comes from the page (data-template attributes), in the page's language.
 */
(function () {
  'use strict';

  var GSM7 = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  var GSM7_EXTENSION = '^{}\\[~]|€\f';

  function segments(units, single, part) {
    if (units === 0) { return 0; }
    return units <= single ? 1 : Math.ceil(units / part);
  }

  function count(text) {
    var septets = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (GSM7.indexOf(c) >= 0) {
        septets += 1;
      } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
        septets += 2;
      } else {
        return { characters: text.length, segments: segments(text.length, 70, 67), encoding: 'UCS-2' };
      }
    }
    return { characters: text.length, segments: segments(septets, 160, 153), encoding: 'GSM-7' };
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  var box = document.getElementById('reply-text');
  var counter = document.getElementById('segments');
  if (box && counter) {
    var showCount = function () {
      counter.textContent = fill(counter.getAttribute('data-template'), count(box.value));
    };
    box.addEventListener('input', showCount);
    showCount();
  }

  var inbox = document.getElementById('inbox');
  if (!inbox || !window.EventSource || !document.getElementById('open-count')) { return; }
  var live = inbox.getAttribute('data-live') === 'true';
  var lang = inbox.getAttribute('data-lang') || 'en';
  var baseTitle = inbox.getAttribute('data-title') || document.title;

  function showCounts(open, urgentOpen) {
    document.title = (open > 0 ? '(' + open + ') ' : '') + baseTitle;
    var openCount = document.getElementById('open-count');
    openCount.textContent = fill(openCount.getAttribute('data-template'), { count: open });
    var banner = document.getElementById('urgent-banner');
    if (urgentOpen > 0) {
      banner.textContent = fill(banner.getAttribute('data-template'), { count: urgentOpen });
      banner.hidden = false;
    } else {
      banner.hidden = true;
      banner.textContent = '';
    }
  }

  function cardOf(id) {
    return inbox.querySelector('.reply[data-reply-id="' + id + '"]');
  }

  /** Urgent replies first, then the newest: a new urgent one goes on top, a new other one after the urgent ones. */
  function place(card) {
    var empty = document.getElementById('inbox-empty');
    if (empty) { empty.remove(); }
    var existing = cardOf(card.getAttribute('data-reply-id'));
    if (existing) {
      inbox.replaceChild(card, existing);
      return;
    }
    if (card.classList.contains('urgent')) {
      inbox.insertBefore(card, inbox.firstElementChild);
      return;
    }
    var urgent = inbox.querySelectorAll('.reply.urgent');
    var after = urgent.length ? urgent[urgent.length - 1].nextElementSibling : inbox.firstElementChild;
    inbox.insertBefore(card, after);
  }

  function fetchCard(id) {
    fetch('/inbox/' + encodeURIComponent(id) + '/card?lang=' + encodeURIComponent(lang), { credentials: 'same-origin' })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var holder = document.createElement('template');
        holder.innerHTML = html.trim();
        var card = holder.content.firstElementChild;
        if (card) {
          card.classList.add('arrived');
          place(card);
        }
      });
  }

  var events = new EventSource('/inbox/events');
  events.onmessage = function (message) {
    var signal = JSON.parse(message.data);
    if (signal.type === 'ready') { return; }
    showCounts(signal.open, signal.urgentOpen);
    if (signal.type !== 'reply' || !live) { return; }
    if (signal.state === 'open') {
      fetchCard(signal.id);
    } else {
      var gone = cardOf(signal.id);
      if (gone) { gone.remove(); }
    }
  };
})();
