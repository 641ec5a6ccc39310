/**
 * Short product texts per language, in the code page Excel on Windows saves them in: the samples the
 * encoding guess was measured on against chardet (see encoding-guess.ts).
 */
type Samples = Readonly<Record<string, readonly string[]>>;

export const CODE_PAGE_SAMPLES: Readonly<Record<'windows-1250' | 'windows-1252', Samples>> = {
  'windows-1250': {
    cs: ['Čerpadlo oběhové 25-40, šedé', 'Šroubovák křížový PH2, délka 100 mm',
      'Příliš žluťoučký kůň úpěl ďábelské ódy', 'Vrtačka příklepová s kufříkem', 'Kabel napájecí 230 V, černý, 1,5 m',
      'Žárovka LED 9 W, teplá bílá', 'Ventil zpětný mosazný', 'Tiskárna laserová, síťová',
      'Notebook 15" s dokovací stanicí', 'Sluchátka bezdrátová s mikrofonem', 'Dodací list č. 12, Brno',
      'Řezačka dlaždic, 600 mm', 'Měřič teploty a vlhkosti', 'Zásuvka dvojnásobná s uzemněním',
      'Čtečka čárových kódů, USB'],
    sk: ['Čerpadlo ponorné, nerezové', 'Skrutkovač akumulátorový 12 V', 'Kľúč imbusový, sada 9 ks',
      'Žiarovka halogénová 50 W', 'Ťažné lano 4 t, 5 m', 'Rebrík hliníkový štvordielny', 'Poistka tavná 16 A',
      'Nabíjačka rýchla, čierna', 'Ďalší tovar na sklade v Žiline', 'Stôl pracovný s úložným priestorom'],
    pl: ['Wiertarka udarowa z walizką', 'Śrubokręt płaski 5 mm', 'Żarówka energooszczędna 11 W',
      'Łącznik kablowy, opakowanie 50 szt.', 'Gaśnica proszkowa 6 kg', 'Zawór kulowy mosiężny',
      'Klucz płaski dwustronny', 'Przedłużacz bębnowy 25 m', 'Źródło światła LED, ciepła barwa',
      'Ładowarka sieciowa, czarna'],
    hu: ['Fúrógép ütvefúró funkcióval', 'Csavarhúzó készlet, 6 részes', 'Izzó LED 9 W, meleg fehér',
      'Hosszabbító kábel 5 m, fehér', 'Szivattyú búvár, rozsdamentes', 'Nyomtató lézeres, hálózati',
      'Fejhallgató vezeték nélküli', 'Vízmérték alumínium 60 cm', 'Őrölt kávé, 1 kg', 'Űrtartalom 20 liter'],
  },
  'windows-1252': {
    de: ['Schraubendreher Kreuzschlitz, Länge 100 mm', 'Bohrmaschine mit Schlagfunktion',
      'Glühbirne LED 9 W, warmweiß', 'Verlängerungskabel 5 m, weiß', 'Tauchpumpe aus Edelstahl',
      'Drucker, netzwerkfähig', 'Kopfhörer kabellos mit Mikrofon', 'Wasserwaage Aluminium 60 cm',
      'Größe: groß, Farbe: grün', 'Rückschlagventil Messing'],
    fr: ['Tournevis cruciforme, longueur 100 mm', 'Perceuse à percussion avec mallette',
      'Ampoule LED 9 W, blanc chaud', 'Rallonge électrique 5 m, blanche', 'Pompe submersible en acier inoxydable',
      'Imprimante laser, réseau', 'Casque sans fil avec micro', 'Niveau à bulle en aluminium',
      'Crème brûlée à la française', 'Clé à molette, façon pro'],
    es: ['Destornillador de estrella, 100 mm', 'Taladro percutor con maletín', 'Bombilla LED 9 W, blanco cálido',
      'Alargador eléctrico de 5 m', 'Bomba sumergible de acero inoxidable', 'Impresora láser en red',
      'Auriculares inalámbricos con micrófono', 'Nivel de burbuja de aluminio', 'Señor Muñoz, año 2024',
      'Llave inglesa, tamaño pequeño'],
    pt: ['Chave de fenda Phillips, 100 mm', 'Berbequim de percussão com mala', 'Lâmpada LED 9 W, branco quente',
      'Extensão elétrica de 5 m', 'Bomba submersível em aço inoxidável', 'Impressora a laser em rede',
      'Auscultadores sem fios com microfone', 'Nível de bolha em alumínio', 'Ação de promoção, São Paulo',
      'Cabeça de máquina'],
    it: ['Cacciavite a croce, 100 mm', 'Trapano a percussione con valigetta', 'Lampadina LED 9 W, bianco caldo',
      'Prolunga elettrica da 5 m', 'Pompa sommersa in acciaio inossidabile', 'Stampante laser di rete',
      'Cuffie senza fili con microfono', 'Livella a bolla in alluminio', 'Qualità e velocità, perché no',
      'Più di così'],
    sv: ['Skruvmejsel stjärnspår, 100 mm', 'Slagborrmaskin med väska', 'Glödlampa LED 9 W, varmvit',
      'Förlängningskabel 5 m, vit', 'Dränkbar pump i rostfritt stål', 'Laserskrivare för nätverk',
      'Trådlösa hörlurar med mikrofon', 'Vattenpass i aluminium', 'Gräsklippare, blå', 'Hållare för verktyg'],
    da: ['Skruetrækker, 100 mm', 'Slagboremaskine med kuffert', 'Pære LED 9 W, varm hvid',
      'Forlængerledning 5 m, hvid', 'Dykpumpe i rustfrit stål', 'Laserprinter til netværk',
      'Trådløse høretelefoner med mikrofon', 'Vaterpas i aluminium', 'Rødgrød med fløde', 'Bæredygtig æske'],
  },
};
