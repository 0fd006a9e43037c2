// The ticker page: asks /api/headlines (with the page's own filters) every few seconds and shows new stories
// without a reload. The page works without it; it only keeps the list current.
(function () {
  'use strict';

  var list = document.getElementById('fil');
  var form = document.getElementById('filtres');
  var filtrer = document.querySelector('details.filtrer');
  // A wide page shows the filters and the tabs folded or not (manchette.css hides « Filtrer » there): open, the
  // details says so to assistive technologies too, and shows them in a browser that cannot style its content.
  if (filtrer && window.matchMedia && window.matchMedia('(width > 30rem)').matches) {
    filtrer.open = true;
  }
  if (form) {
    // Empty fields stay out of the address: /?category=sport, not /?source=&category=sport&q=.
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.value) {
          field.disabled = true;
        }
      });
    });
    // Back to this page from the next one: the fields must work again.
    window.addEventListener('pageshow', function () {
      Array.prototype.forEach.call(form.elements, function (field) { field.disabled = false; });
    });
    // A choice in a list applies at once; the button stays for the search box and for browsers without script.
    Array.prototype.forEach.call(form.querySelectorAll('select'), function (select) {
      select.addEventListener('change', function () {
        if (form.requestSubmit) {
          form.requestSubmit();
        } else {
          form.submit();
        }
      });
    });
  }
  if (!list || !window.fetch) {
    return;
  }

  var api = list.getAttribute('data-api');
  // Ranked à la une (TickerPage: data-une), a line shows how many sources told its story.
  var une = list.hasAttribute('data-une');
  var every = Number(list.getAttribute('data-refresh')) || 20000;
  var everyInBackground = Number(list.getAttribute('data-background-refresh')) || 60000;
  var status = document.getElementById('etat');
  var empty = document.getElementById('vide');
  var title = document.title;
  var unseen = 0;
  var timer = null;
  // The list whose new lines the status speaks of, and how many they were.
  var announced = null;
  var arrived = 0;
  var known = new Set();
  // Lines that came while the tab was in the background: still new to the reader, until it is back in view.
  var missed = new Set();
  Array.prototype.forEach.call(list.children, function (li) { known.add(li.getAttribute('data-key')); });
  var shown = signature(Array.prototype.map.call(list.children, function (li) {
    return { key: li.getAttribute('data-key'), time: li.querySelector('time').textContent };
  }));

  // The same key as the page (TickerPage.key): source, publication time, title.
  function key(headline) {
    return headline.source + '|' + headline.published + '|' + headline.title;
  }

  function signature(lines) {
    return lines.map(function (line) { return line.key + '@' + line.time; }).join('\n');
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text; // never innerHTML: titles come from the web
    }
    return node;
  }

  // The markup of TickerPage.line, built with the DOM.
  function line(headline, names, fresh) {
    var li = element('li', fresh ? 'nouveau' : '');
    li.setAttribute('data-key', key(headline));
    var time = element('time');
    time.setAttribute('datetime', headline.published);
    var space = headline.time.indexOf(' ');
    if (space > 0) {
      time.appendChild(element('span', 'jour', headline.time.substring(0, space)));
      time.appendChild(document.createTextNode(' ' + headline.time.substring(space + 1)));
    } else {
      time.textContent = headline.time;
    }
    li.appendChild(time);
    var story = element('div', 'depeche');
    var link = headline.link && /^https?:\/\//i.test(headline.link);
    var titre = element(link ? 'a' : 'span', 'titre', headline.title);
    if (link) {
      titre.href = headline.link;
      titre.target = '_top';
    }
    if (headline.lang) {
      titre.lang = headline.lang;
    }
    // Every title reads in the direction of its first letter (an Arabic one right to left), isolated from the rest.
    titre.dir = 'auto';
    story.appendChild(titre);
    var meta = element('span', 'meta');
    if (une && headline.sources > 1) {
      meta.appendChild(element('span', 'nombre', headline.sources + ' sources'));
      meta.appendChild(document.createTextNode(' '));
    }
    var source = element('span', 'source', headline.sourceName);
    source.dir = 'auto';
    meta.appendChild(source);
    if (headline.category) {
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(element('span', 'categorie', headline.category));
    }
    if (headline.alsoIn && headline.alsoIn.length) {
      meta.appendChild(document.createTextNode(' '));
      var aussi = element('span', 'aussi', 'Aussi dans : ');
      headline.alsoIn.forEach(function (id, i) {
        if (i > 0) {
          aussi.appendChild(document.createTextNode(', '));
        }
        aussi.appendChild(element('bdi', null, names[id] || id));
      });
      meta.appendChild(aussi);
    }
    story.appendChild(meta);
    li.appendChild(story);
    return li;
  }

  // Source names by id, from the page's own list of sources.
  function sourceNames() {
    var names = {};
    if (form) {
      Array.prototype.forEach.call(form.querySelectorAll('select[name="source"] option'), function (option) {
        if (option.value) {
          names[option.value] = option.textContent;
        }
      });
    }
    return names;
  }

  // In the ticker's zone, as its times are, whatever the zone of the reader's device.
  var zone = list.getAttribute('data-timezone');

  function now() {
    var options = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
    try {
      return new Date().toLocaleTimeString('fr-FR', Object.assign({ timeZone: zone || undefined }, options));
    } catch (unknownZone) {
      return new Date().toLocaleTimeString('fr-FR', options);
    }
  }

  function show(headlines) {
    var lines = headlines.map(function (headline) { return { key: key(headline), time: headline.time }; });
    var fresh = 0;
    var marked = 0;
    if (signature(lines) !== shown) {
      var names = sourceNames();
      var items = document.createDocumentFragment();
      headlines.forEach(function (headline) {
        var id = key(headline);
        var isNew = !known.has(id);
        if (isNew) {
          fresh++;
          known.add(id);
          if (document.hidden) {
            missed.add(id);
          }
        }
        var highlighted = isNew || missed.has(id);
        if (highlighted) {
          marked++;
        }
        items.appendChild(line(headline, names, highlighted));
      });
      list.replaceChildren(items);
      shown = signature(lines);
      if (empty) {
        empty.hidden = headlines.length > 0;
      }
    }
    if (fresh > 0 && document.hidden) {
      unseen += fresh;
      document.title = '(' + unseen + ') ' + title;
    }
    if (signature(lines) !== announced) {
      // Said as long as the lines it speaks of are marked new: until the list changes again.
      announced = shown;
      arrived = marked;
    }
    status.textContent = (arrived > 0 ? arrived + (arrived > 1 ? ' nouvelles dépêches' : ' nouvelle dépêche') + ' · ' : '')
      + 'actualisé à ' + now();
  }

  function refresh() {
    timer = null;
    // no-cache: the browser asks again with the ETag it holds, and a 304 costs the server nothing.
    fetch(api, { cache: 'no-cache', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (answer) { show(answer.headlines); })
      .catch(function () {
        status.textContent = 'Serveur injoignable à ' + now() + ', nouvel essai dans ' + Math.round(every / 1000) + ' s';
      })
      .then(schedule);
  }

  function schedule() {
    if (timer === null) {
      // A tab in the background asks less often (once a minute by default), and counts what it missed in its title.
      timer = setTimeout(refresh, document.hidden ? Math.max(every, everyInBackground) : every);
    }
  }

  // Back in view: asks at once.
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      return;
    }
    unseen = 0;
    missed.clear();
    document.title = title;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    refresh();
  });

  schedule();
}());
